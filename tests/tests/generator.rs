//! `#[generator]` and `iter!`: synchronous generators (SEMANTICS.md, "Generators").

use std::cell::Cell;
use std::iter::FusedIterator;
use std::pin::pin;

use yieldkit::{generator, iter};

#[generator]
fn fib() -> u64 {
    let (mut a, mut b) = (0, 1);
    loop {
        yield_!(a);
        (a, b) = (b, a + b);
    }
}

#[test]
fn fib_first_ten() {
    let v: Vec<u64> = fib().take(10).collect();
    assert_eq!(v, [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]);
}

#[test]
fn for_loop_without_pinning() {
    let mut sum = 0;
    for x in fib().take(5) {
        sum += x;
    }
    assert_eq!(sum, 7);
}

#[generator]
fn count(n: u32, ran: &Cell<bool>) -> u32 {
    ran.set(true);
    for i in 0..n {
        yield_!(i);
    }
}

mod laziness {
    use super::*;

    #[test]
    fn nothing_runs_before_first_next() {
        let ran = Cell::new(false);
        let mut g = count(2, &ran);
        assert!(!ran.get());
        assert_eq!(g.next(), Some(0));
        assert!(ran.get());
    }
}

mod fused {
    use super::*;

    fn assert_fused<I: FusedIterator>(_: &I) {}

    #[test]
    fn none_forever_after_the_end() {
        let ran = Cell::new(false);
        let mut g = count(1, &ran);
        assert_fused(&g);
        assert_eq!(g.next(), Some(0));
        assert_eq!(g.next(), None);
        assert_eq!(g.next(), None);
        assert_eq!(g.next(), None);
    }
}

mod borrowing_across_yields {
    use super::*;

    #[generator]
    fn words() -> String {
        let text = String::from("borrowed across yields");
        // `parts` borrows the local `text` across every yield: nightly `gen` blocks
        // reject this.
        let parts = text.split(' ');
        for part in parts {
            yield_!(part.to_uppercase());
        }
    }

    #[test]
    fn local_borrowed_across_yields() {
        let v: Vec<String> = words().collect();
        assert_eq!(v, ["BORROWED", "ACROSS", "YIELDS"]);
    }

    #[generator]
    fn split_args<'a>(text: &'a str, sep: char) -> &'a str {
        for part in text.split(sep) {
            yield_!(part);
        }
    }

    #[test]
    fn argument_borrowed() {
        let s = String::from("a,b,c");
        let v: Vec<&str> = split_args(&s, ',').collect();
        assert_eq!(v, ["a", "b", "c"]);
    }
}

mod methods_and_traits {
    use super::*;

    struct Grid {
        cells: Vec<u8>,
    }

    impl Grid {
        #[generator]
        fn nonzero(&self) -> (usize, u8) {
            for (i, &c) in self.cells.iter().enumerate() {
                if c != 0 {
                    yield_!((i, c));
                }
            }
        }
    }

    trait Walk {
        fn walk(&self) -> impl Iterator<Item = u8> + '_;
    }

    impl Walk for Grid {
        #[generator]
        fn walk(&self) -> u8 {
            for &c in &self.cells {
                yield_!(c);
            }
        }
    }

    #[generator]
    fn generic<T: Clone + std::fmt::Debug>(x: T, n: usize) -> T {
        for _ in 0..n {
            yield_!(x.clone());
        }
    }

    #[test]
    fn method_trait_generic() {
        let g = Grid {
            cells: vec![0, 3, 0, 5],
        };
        assert_eq!(g.nonzero().collect::<Vec<_>>(), [(1, 3), (3, 5)]);
        assert_eq!(g.walk().sum::<u8>(), 8);
        assert_eq!(generic("x", 2).collect::<Vec<_>>(), ["x", "x"]);
    }
}

mod yield_from {
    use super::*;

    #[generator]
    fn chained() -> u32 {
        yield_from!([1, 2]);
        yield_from!(std::iter::once(3));
        yield_from!(4..6);
        let ran = Cell::new(false);
        yield_from!(count(2, &ran));
    }

    #[test]
    fn any_into_iterator() {
        assert_eq!(chained().collect::<Vec<_>>(), [1, 2, 3, 4, 5, 0, 1]);
    }
}

mod recursion {
    use super::*;

    enum Tree {
        Leaf(u32),
        Node(Vec<Tree>),
    }

    #[generator(boxed)]
    fn leaves(tree: &Tree) -> u32 {
        match tree {
            Tree::Leaf(v) => yield_!(*v),
            Tree::Node(children) => {
                for child in children {
                    yield_from!(leaves(child));
                }
            }
        }
    }

    #[generator(boxed_local)]
    fn depth_first(tree: &Tree, depth: usize) -> (usize, u32) {
        match tree {
            Tree::Leaf(v) => yield_!((depth, *v)),
            Tree::Node(children) => {
                for child in children {
                    yield_from!(depth_first(child, depth + 1));
                }
            }
        }
    }

    #[test]
    fn tree_walk() {
        use Tree::{Leaf, Node};
        let tree = Node(vec![
            Leaf(1),
            Node(vec![Leaf(2), Node(vec![Leaf(3)])]),
            Leaf(4),
        ]);
        assert_eq!(leaves(&tree).collect::<Vec<_>>(), [1, 2, 3, 4]);
        assert_eq!(
            depth_first(&tree, 0).collect::<Vec<_>>(),
            [(1, 1), (2, 2), (3, 3), (1, 4)]
        );
        fn is_send<T: Send>(_: &T) {}
        is_send(&leaves(&tree));
    }
}

mod unboxed {
    use super::*;

    #[generator(unboxed)]
    fn squares(n: u32) -> u32 {
        for i in 1..=n {
            yield_!(i * i);
        }
    }

    #[test]
    fn pinned_on_the_stack() {
        let g = pin!(squares(3));
        let v: Vec<u32> = g.collect();
        assert_eq!(v, [1, 4, 9]);
        let mut g = pin!(squares(2));
        assert_eq!(g.next(), Some(1));
        assert!(!g.is_finished());
        assert_eq!(g.next(), Some(4));
        assert_eq!(g.next(), None);
        assert!(g.is_finished());
    }
}

mod question_mark {
    use super::*;

    #[generator]
    fn parse_all<'a>(xs: &'a [&'a str]) -> Result<u32, std::num::ParseIntError> {
        for x in xs {
            let v: u32 = x.parse()?;
            yield_!(Ok(v));
        }
    }

    #[test]
    fn error_is_the_last_item() {
        let input = ["1", "x", "3"];
        let v: Vec<_> = parse_all(&input).collect();
        assert_eq!(v.len(), 2);
        assert_eq!(v[0], Ok(1));
        assert!(v[1].is_err());
    }
}

mod panics {
    use super::*;

    #[generator]
    fn boom() -> u32 {
        yield_!(1);
        panic!("boom");
    }

    #[test]
    fn panic_ends_the_generator() {
        let mut g = boom();
        assert_eq!(g.next(), Some(1));
        let err = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.next()));
        assert!(err.is_err());
        assert_eq!(g.next(), None);
    }
}

mod drop_order {
    use super::*;
    use std::rc::Rc;

    struct Guard(Rc<Cell<u32>>);
    impl Drop for Guard {
        fn drop(&mut self) {
            self.0.set(self.0.get() + 1);
        }
    }

    #[generator]
    fn guarded(drops: Rc<Cell<u32>>) -> u32 {
        let _g = Guard(drops.clone());
        yield_!(1);
        yield_!(2);
    }

    #[test]
    fn dropping_mid_way_runs_destructors() {
        let drops = Rc::new(Cell::new(0));
        let mut g = guarded(drops.clone());
        assert_eq!(g.next(), Some(1));
        assert_eq!(drops.get(), 0);
        drop(g);
        assert_eq!(drops.get(), 1);
    }
}

mod block_form {
    use super::*;

    #[test]
    fn iter_block_with_real_yield() {
        let n = 4;
        let evens = iter! {
            for i in 0..n {
                if i % 2 == 0 {
                    yield i;
                }
            }
        };
        assert_eq!(evens.collect::<Vec<u32>>(), [0, 2]);
    }

    #[test]
    fn iter_block_nested_like_collect() {
        let xs = vec![vec![1, 2], vec![3]];
        let it = iter! {
            type Item = i32;
            for row in &xs {
                for x in row {
                    let y = x * 10;
                    if y > 10 {
                        yield y;
                    }
                }
            }
        };
        assert_eq!(it.collect::<Vec<_>>(), [20, 30]);
    }

    #[test]
    fn iter_block_yield_from_and_borrow() {
        let owned = String::from("a b");
        let words = owned.as_str();
        let it = iter! {
            yield_from!(words.split(' '));
            let local = String::from("c");
            let r = &local;
            yield "x";
            yield if r.is_empty() { "" } else { "c" };
        };
        assert_eq!(it.collect::<Vec<_>>(), ["a", "b", "x", "c"]);
    }
}

mod recursion_default_form {
    use super::*;

    /// The default form already allocates once, so the opaque type may contain itself.
    #[generator]
    fn countdown(n: u32) -> u32 {
        if n > 0 {
            yield_!(n);
            yield_from!(countdown(n - 1));
        }
    }

    #[test]
    fn recursive_without_boxed() {
        assert_eq!(countdown(3).collect::<Vec<_>>(), [3, 2, 1]);
    }
}
