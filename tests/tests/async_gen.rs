//! `#[async_gen]`: the async-generator rules of SEMANTICS.md, and the signatures it
//! accepts.

use std::cell::Cell;
use std::fmt::Display;
use std::pin::pin;
use std::rc::Rc;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use futures::StreamExt;
use futures_core::{FusedStream, Stream};
use yieldkit::{async_gen, block_on};

fn drain<S: Stream>(stream: S) -> Vec<S::Item> {
    block_on(stream.collect())
}

#[async_gen]
async fn count(n: u32) -> u32 {
    for i in 0..n {
        yield_!(i);
    }
}

mod laziness_and_fusing {
    use super::*;

    #[async_gen]
    async fn logged(log: &Cell<u32>) -> u32 {
        log.set(log.get() + 1);
        yield_!(1);
        log.set(log.get() + 10);
    }

    #[test]
    fn nothing_runs_before_the_first_poll() {
        let log = Cell::new(0);
        let stream = logged(&log);
        assert_eq!(log.get(), 0, "calling the function must not run the body");
        let mut stream = pin!(stream);
        assert_eq!(block_on(stream.next()), Some(1));
        assert_eq!(log.get(), 1, "the body runs up to the first yield");
        assert_eq!(block_on(stream.next()), None);
        assert_eq!(log.get(), 11);
    }

    #[test]
    fn none_forever_after_the_end() {
        let mut stream = pin!(count(2));
        assert!(!stream.is_terminated());
        assert_eq!(block_on(stream.next()), Some(0));
        assert_eq!(block_on(stream.next()), Some(1));
        assert_eq!(block_on(stream.next()), None);
        assert!(stream.is_terminated());
        for _ in 0..3 {
            assert_eq!(block_on(stream.next()), None);
        }
    }

    #[test]
    fn empty_body_ends_at_once() {
        #[async_gen]
        async fn empty() -> u8 {}
        assert_eq!(drain(empty()), Vec::<u8>::new());
    }

    #[test]
    fn early_return_ends_the_stream() {
        #[async_gen]
        async fn until_three() -> u32 {
            for i in 0.. {
                if i == 3 {
                    return;
                }
                yield_!(i);
            }
        }
        assert_eq!(drain(until_three()), [0, 1, 2]);
    }
}

mod panics {
    use super::*;
    use std::panic::{AssertUnwindSafe, catch_unwind};

    #[async_gen]
    async fn panics_after(n: u32, resumed: &Cell<bool>) -> u32 {
        for i in 0..n {
            yield_!(i);
        }
        if n < u32::MAX {
            panic!("body panicked");
        }
        resumed.set(true);
    }

    #[test]
    fn panic_propagates_then_the_stream_is_finished() {
        let resumed = Cell::new(false);
        let mut stream = pin!(panics_after(1, &resumed));
        assert_eq!(block_on(stream.next()), Some(0));
        let caught = catch_unwind(AssertUnwindSafe(|| block_on(stream.next())));
        let message = caught.expect_err("the panic must propagate out of poll_next");
        assert_eq!(message.downcast_ref::<&str>(), Some(&"body panicked"));
        assert!(stream.is_terminated());
        assert_eq!(block_on(stream.next()), None, "never resumes the body");
        assert!(!resumed.get());
    }

    #[test]
    fn locals_of_a_panicked_body_are_dropped_once() {
        let drops = Rc::new(Cell::new(0));
        #[async_gen]
        async fn holds(guard: DropCounter) -> u32 {
            let _inner = DropCounter(guard.0.clone());
            yield_!(1);
            panic!("boom");
        }
        let mut stream = Box::pin(holds(DropCounter(drops.clone())));
        assert_eq!(block_on(stream.next()), Some(1));
        assert!(catch_unwind(AssertUnwindSafe(|| block_on(stream.next()))).is_err());
        assert_eq!(drops.get(), 2, "the body's state is dropped when it panics");
        drop(stream);
        assert_eq!(drops.get(), 2, "and not dropped again");
    }
}

struct DropCounter(Rc<Cell<u32>>);

impl Drop for DropCounter {
    fn drop(&mut self) {
        self.0.set(self.0.get() + 1);
    }
}

mod dropping {
    use super::*;

    #[test]
    fn drop_mid_iteration_runs_the_bodys_destructors() {
        let drops = Rc::new(Cell::new(0));
        #[async_gen]
        async fn guarded(drops: Rc<Cell<u32>>) -> u32 {
            let _a = DropCounter(drops.clone());
            for i in 0..10 {
                let _b = DropCounter(drops.clone());
                yield_!(i);
            }
        }
        let mut stream = Box::pin(guarded(drops.clone()));
        assert_eq!(block_on(stream.next()), Some(0));
        assert_eq!(block_on(stream.next()), Some(1));
        assert_eq!(drops.get(), 1, "the first iteration's guard is gone");
        drop(stream);
        assert_eq!(
            drops.get(),
            3,
            "the outer and the current guard drop with the stream"
        );
    }

    #[test]
    fn unpolled_generator_drops_its_arguments() {
        let drops = Rc::new(Cell::new(0));
        #[async_gen]
        async fn unused(_guard: DropCounter) -> u32 {
            yield_!(1);
        }
        let stream = unused(DropCounter(drops.clone()));
        assert_eq!(
            drops.get(),
            0,
            "arguments live in the generator, like an async fn's"
        );
        drop(stream);
        assert_eq!(drops.get(), 1);
    }

    #[test]
    fn an_argument_the_body_never_names_lives_as_long_as_the_generator() {
        let drops = Rc::new(Cell::new(0));
        #[async_gen]
        async fn keeps(_guard: DropCounter, n: u32) -> u32 {
            yield_!(n);
            yield_!(n + 1);
        }
        let mut stream = Box::pin(keeps(DropCounter(drops.clone()), 5));
        assert_eq!(block_on(stream.next()), Some(5));
        assert_eq!(drops.get(), 0);
        assert_eq!(block_on(stream.next()), Some(6));
        assert_eq!(block_on(stream.next()), None);
        drop(stream);
        assert_eq!(drops.get(), 1);
    }
}

mod question_mark {
    use super::*;

    #[derive(Debug, PartialEq)]
    enum AppError {
        Parse(String),
    }

    impl From<std::num::ParseIntError> for AppError {
        fn from(e: std::num::ParseIntError) -> Self {
            AppError::Parse(e.to_string())
        }
    }

    #[async_gen]
    async fn parse_all(input: Vec<&'static str>) -> Result<u32, AppError> {
        for text in input {
            let n: u32 = text.parse()?;
            yield_!(Ok(n));
        }
    }

    #[test]
    fn error_is_converted_yielded_last_and_ends_the_stream() {
        let items = drain(parse_all(vec!["1", "2", "x", "4"]));
        assert_eq!(
            items,
            [
                Ok(1),
                Ok(2),
                Err(AppError::Parse("invalid digit found in string".into()))
            ]
        );
    }

    #[test]
    fn question_mark_inside_an_eager_collect_acts_on_the_generator() {
        // An eager comprehension's `?` acts on the enclosing function: here the
        // generator, which yields the error as its last item and ends.
        #[async_gen]
        async fn sums(rows: Vec<Vec<&'static str>>) -> Result<u32, AppError> {
            for row in rows {
                let parsed: Vec<u32> = yieldkit::collect![text.parse::<u32>()? for text in row];
                yield_!(Ok(parsed.iter().sum()));
            }
        }
        let items = drain(sums(vec![vec!["1", "2"], vec!["3", "x"], vec!["5"]]));
        assert_eq!(
            items,
            [
                Ok(3),
                Err(AppError::Parse("invalid digit found in string".into()))
            ]
        );
    }

    #[test]
    fn yield_and_await_inside_an_eager_collect() {
        // The comprehension's loops run in the generator's body, so a `yield_!` or an
        // `.await` inside it is the generator's own.
        #[async_gen]
        async fn echoed(words: Vec<&'static str>) -> String {
            let lengths: Vec<usize> = yieldkit::collect![
                { yield_!(w.to_uppercase()); async { w.len() }.await } for w in words
            ];
            yield_!(format!("{lengths:?}"));
        }
        assert_eq!(drain(echoed(vec!["ab", "c"])), ["AB", "C", "[2, 1]"]);
    }

    #[test]
    fn question_mark_on_option_in_an_option_stream() {
        #[async_gen]
        async fn firsts(words: Vec<&'static str>) -> Option<char> {
            for word in words {
                yield_!(Some(word.chars().next()?));
            }
        }
        assert_eq!(drain(firsts(vec!["ab", "", "c"])), [Some('a'), None]);
    }

    #[test]
    fn the_error_path_does_not_await_so_a_non_send_guard_stays_out_of_the_state() {
        #[async_gen]
        async fn guarded(input: Vec<&'static str>) -> Result<u32, AppError> {
            for text in input {
                let guard = Rc::new(());
                let n: u32 = text.parse()?;
                drop(guard);
                yield_!(Ok(n));
            }
        }
        fn assert_send<T: Send>(_: &T) {}
        let stream = guarded(vec!["1"]);
        assert_send(&stream);
        assert_eq!(drain(stream), [Ok(1)]);
    }
}

mod for_await_loops {
    use super::*;

    #[async_gen]
    async fn pairs() -> (u32, char) {
        yield_!((1, 'a'));
        yield_!((2, 'b'));
        yield_!((3, 'c'));
    }

    #[test]
    fn break_continue_labels_and_patterns() {
        #[async_gen]
        async fn picky() -> String {
            #[for_await]
            'outer: for (n, c) in pairs() {
                if n == 2 {
                    continue;
                }
                #[for_await]
                for m in count(10) {
                    if m == 2 {
                        continue 'outer;
                    }
                    if n == 3 && m == 1 {
                        break 'outer;
                    }
                    yield_!(format!("{n}{c}{m}"));
                }
            }
            yield_!("end".to_string());
        }
        assert_eq!(drain(picky()), ["1a0", "1a1", "3c0", "end"]);
    }

    #[test]
    fn for_await_over_a_futures_stream_and_a_borrowed_stream() {
        #[async_gen]
        async fn doubled<S: Stream<Item = u32> + Unpin>(inner: &mut S) -> u32 {
            #[for_await]
            for x in inner {
                yield_!(x * 2);
            }
        }
        let mut source = futures::stream::iter(vec![1, 2, 3]);
        assert_eq!(drain(doubled(&mut source)), [2, 4, 6]);
    }

    #[test]
    fn for_await_in_an_ordinary_async_fn() {
        #[yieldkit::for_await]
        async fn sum(n: u32) -> u32 {
            let mut total = 0;
            #[for_await]
            for x in count(n) {
                total += x;
            }
            total
        }
        assert_eq!(block_on(sum(5)), 10);
    }

    #[test]
    fn yield_from_delegates_every_item() {
        #[async_gen]
        async fn chained() -> u32 {
            yield_!(100);
            yield_from!(count(3));
            yield_from!(futures::stream::iter([7, 8]));
            yield_!(200);
        }
        assert_eq!(drain(chained()), [100, 0, 1, 2, 7, 8, 200]);
    }
}

mod yields_inside_macro_calls {
    use super::*;

    #[test]
    fn yield_in_tokio_select_handlers() {
        #[async_gen]
        async fn merged(
            mut a: tokio::sync::mpsc::Receiver<u32>,
            mut b: tokio::sync::mpsc::Receiver<u32>,
        ) -> u32 {
            let (mut a_open, mut b_open) = (true, true);
            while a_open || b_open {
                tokio::select! {
                    v = a.recv(), if a_open => match v {
                        Some(v) => yield_!(v),
                        None => a_open = false,
                    },
                    v = b.recv(), if b_open => {
                        match v {
                            Some(v) => yield_!(v + 1000),
                            None => b_open = false,
                        }
                    }
                }
            }
        }
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let mut items = rt.block_on(async {
            let (tx_a, rx_a) = tokio::sync::mpsc::channel(4);
            let (tx_b, rx_b) = tokio::sync::mpsc::channel(4);
            for i in 0..3 {
                tx_a.send(i).await.unwrap();
                tx_b.send(i).await.unwrap();
            }
            drop((tx_a, tx_b));
            merged(rx_a, rx_b).collect::<Vec<_>>().await
        });
        items.sort_unstable();
        assert_eq!(items, [0, 1, 2, 1000, 1001, 1002]);
    }

    #[test]
    fn yield_in_futures_select_handlers() {
        #[async_gen]
        async fn first_ready() -> &'static str {
            let mut a = futures::future::ready("a");
            let mut b = futures::future::pending::<&'static str>();
            futures::select! {
                x = a => yield_!(x),
                y = b => yield_!(y),
            }
        }
        assert_eq!(drain(first_ready()), ["a"]);
    }

    #[test]
    #[allow(clippy::useless_vec, reason = "the point is a yield inside `vec!`")]
    fn yield_in_vec_and_format_arguments() {
        #[async_gen]
        async fn odd() -> u32 {
            let v = vec![yield_!(1), yield_!(2)];
            assert_eq!(v.len(), 2);
            let s = format!("{:?}", yield_!(3));
            assert_eq!(s, "()");
        }
        assert_eq!(drain(odd()), [1, 2, 3]);
    }

    #[test]
    fn question_mark_inside_a_macro_argument() {
        #[async_gen]
        async fn lengths(input: Vec<&'static str>) -> Result<String, std::num::ParseIntError> {
            for text in input {
                yield_!(Ok(format!("<{}>", text.parse::<u8>()?)));
            }
        }
        let items = drain(lengths(vec!["1", "z"]));
        assert_eq!(items.len(), 2);
        assert_eq!(items[0], Ok("<1>".to_string()));
        assert!(items[1].is_err());
    }
}

mod signatures {
    use super::*;

    struct Counter {
        start: u32,
        seen: u32,
    }

    impl Counter {
        #[async_gen]
        async fn by_ref(&self, n: u32) -> u32 {
            for i in 0..n {
                yield_!(self.start + i);
            }
        }

        #[async_gen]
        async fn by_mut(&mut self) -> u32 {
            self.seen += 1;
            yield_!(self.seen);
        }

        #[async_gen]
        async fn by_value(self) -> u32 {
            yield_!(self.start);
        }
    }

    #[test]
    fn methods_taking_self_ref_and_mut() {
        let mut c = Counter { start: 10, seen: 0 };
        assert_eq!(drain(c.by_ref(3)), [10, 11, 12]);
        assert_eq!(drain(c.by_mut()), [1]);
        assert_eq!(drain(c.by_mut()), [2]);
        assert_eq!(drain(c.by_value()), [10]);
    }

    trait Source {
        fn items(&self) -> impl Stream<Item = String> + '_;
    }

    struct Words(Vec<&'static str>);

    impl Source for Words {
        #[async_gen]
        async fn items(&self) -> String {
            for w in &self.0 {
                yield_!(w.to_uppercase());
            }
        }
    }

    #[test]
    fn trait_impl_with_return_position_impl_trait() {
        let words = Words(vec!["a", "b"]);
        assert_eq!(drain(words.items()), ["A", "B"]);
    }

    #[async_gen]
    async fn generic<T, U: Clone>(items: Vec<T>, tag: U) -> (T, U)
    where
        T: Copy + Display,
    {
        for item in items {
            yield_!((item, tag.clone()));
        }
    }

    #[test]
    fn generics_with_bounds_and_where_clauses() {
        assert_eq!(drain(generic(vec![1, 2], 'x')), [(1, 'x'), (2, 'x')]);
    }

    #[async_gen]
    async fn impl_trait_arg(items: impl IntoIterator<Item = u8>, sep: impl Display) -> String {
        for i in items {
            yield_!(format!("{i}{sep}"));
        }
    }

    #[test]
    fn impl_trait_arguments() {
        assert_eq!(drain(impl_trait_arg([1, 2], ';')), ["1;", "2;"]);
    }

    #[async_gen]
    async fn patterns((a, b): (u32, u32), mut step: u32, [first, ..]: [u32; 3]) -> u32 {
        step += first;
        yield_!(a + step);
        yield_!(b + step);
    }

    #[test]
    fn pattern_and_mut_arguments() {
        assert_eq!(drain(patterns((1, 2), 10, [100, 0, 0])), [111, 112]);
    }

    #[async_gen]
    async fn borrows_slice(xs: &[u32], prefix: &str) -> String {
        for x in xs {
            yield_!(format!("{prefix}{x}"));
        }
    }

    #[async_gen]
    async fn explicit<'a, 'b: 'a>(xs: &'a [&'b str]) -> &'b str {
        for x in xs {
            yield_!(*x);
        }
    }

    #[test]
    fn elided_and_explicit_lifetimes() {
        let data = vec![1, 2];
        let prefix = String::from("#");
        assert_eq!(drain(borrows_slice(&data, &prefix)), ["#1", "#2"]);
        let words = ["p", "q"];
        let got: Vec<&str> = drain(explicit(&words));
        assert_eq!(got, ["p", "q"]);
    }

    /// Doc comments, visibility and other attributes are kept.
    #[async_gen]
    #[inline]
    #[must_use = "streams do nothing unless polled"]
    pub(crate) async fn attributed() -> u8 {
        yield_!(1);
    }

    #[cfg(any())]
    #[async_gen]
    async fn compiled_out() -> u8 {
        this_does_not_exist!();
    }

    #[test]
    fn attributes_are_kept() {
        assert_eq!(drain(attributed()), [1]);
    }

    #[test]
    fn nested_generators() {
        #[async_gen]
        async fn outer() -> u32 {
            #[async_gen]
            async fn inner(base: u32) -> u32 {
                yield_!(base);
                yield_!(base + 1);
            }
            for base in [0, 10] {
                #[for_await]
                for x in inner(base) {
                    yield_!(x);
                }
                let block = yieldkit::stream! {
                    yield base * 100;
                };
                #[for_await]
                for x in block {
                    yield_!(x);
                }
            }
        }
        assert_eq!(drain(outer()), [0, 1, 0, 10, 11, 1000]);
    }
}

mod boxed {
    use super::*;

    #[async_gen(boxed)]
    async fn tree(depth: u32) -> u32 {
        yield_!(depth);
        if depth > 0 {
            yield_from!(tree(depth - 1));
            yield_from!(tree(depth - 1));
        }
    }

    #[test]
    fn recursion_through_a_boxed_stream() {
        assert_eq!(drain(tree(2)), [2, 1, 0, 0, 1, 0, 0]);
    }

    #[async_gen(boxed)]
    async fn borrowed<'a, T: Display + Sync>(items: &'a [T], sep: &str) -> String {
        for i in items {
            yield_!(format!("{i}{sep}"));
        }
    }

    #[test]
    fn boxed_with_borrowed_arguments_is_nameable_and_unpin() {
        let items = [1, 2];
        let mut s: std::pin::Pin<Box<dyn Stream<Item = String> + Send + '_>> =
            borrowed(&items, ",");
        assert_eq!(block_on(s.next()), Some("1,".to_string()));
        assert_eq!(drain(s), ["2,"]);
    }

    #[async_gen(boxed_local)]
    async fn local(rc: Rc<u32>) -> u32 {
        yield_!(*rc);
    }

    #[test]
    fn boxed_local_may_hold_non_send_state() {
        let s: std::pin::Pin<Box<dyn Stream<Item = u32>>> = local(Rc::new(4));
        assert_eq!(drain(s), [4]);
    }

    /// `closable`: the trait object can be closed, and its deferred code runs.
    #[async_gen(boxed, closable)]
    async fn counted(closed: Arc<AtomicUsize>) -> u32 {
        defer! {
            closed.fetch_add(1, Ordering::SeqCst);
        }
        for i in 0.. {
            yield_!(i);
        }
    }

    #[async_gen(boxed_local, closable)]
    async fn counted_local(closed: Rc<Cell<u32>>) -> u32 {
        defer! {
            closed.set(closed.get() + 1);
        }
        yield_!(1);
        yield_!(2);
    }

    #[test]
    fn a_closable_boxed_stream_is_closed_through_the_trait_object() {
        use yieldkit::{AsyncCloseExt, ClosableStream};
        let closed = Arc::new(AtomicUsize::new(0));
        let mut s: std::pin::Pin<Box<dyn ClosableStream<Item = u32> + Send>> =
            counted(closed.clone());
        assert_eq!(block_on(s.next()), Some(0));
        block_on(s.as_mut().aclose());
        assert_eq!(closed.load(Ordering::SeqCst), 1);
        assert_eq!(block_on(s.next()), None);
        // Through the box, by value: `Pin<Box<_>>` is `AsyncClose` too.
        let mut boxed = std::pin::pin!(counted(closed.clone()));
        assert_eq!(block_on(boxed.next()), Some(0));
        block_on(boxed.as_mut().aclose());
        assert_eq!(closed.load(Ordering::SeqCst), 2);

        let local_closed = Rc::new(Cell::new(0));
        let mut s: std::pin::Pin<Box<dyn ClosableStream<Item = u32>>> =
            counted_local(local_closed.clone());
        assert_eq!(block_on(s.next()), Some(1));
        block_on(s.as_mut().aclose());
        assert_eq!(local_closed.get(), 1);
    }
}

mod send {
    use super::*;

    fn assert_send<T: Send>(_: &T) {}

    #[test]
    fn stream_is_send_when_its_body_is() {
        let s = count(3);
        assert_send(&s);
        let v = vec![1, 2];
        let s = signatures_send(&v);
        assert_send(&s);
    }

    #[async_gen]
    async fn signatures_send(xs: &[u32]) -> u32 {
        for x in xs {
            tokio::task::yield_now().await;
            yield_!(*x);
        }
    }

    #[async_gen]
    async fn rc_not_held_across_yield() -> u32 {
        let n = {
            let rc = Rc::new(5);
            *rc
        };
        yield_!(n);
    }

    #[test]
    fn a_non_send_value_dropped_before_a_yield_does_not_matter() {
        let s = rc_not_held_across_yield();
        assert_send(&s);
        assert_eq!(drain(s), [5]);
    }
}

mod executors {
    use super::*;

    #[async_gen]
    async fn ticking(n: u64) -> u64 {
        for i in 0..n {
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
            yield_!(i);
        }
    }

    #[test]
    fn spawned_on_a_multi_thread_tokio_runtime() {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_time()
            .build()
            .unwrap();
        let total = Arc::new(AtomicUsize::new(0));
        rt.block_on(async {
            let tasks: Vec<_> = (0..4)
                .map(|_| {
                    let total = total.clone();
                    tokio::spawn(async move {
                        let mut s = pin!(ticking(5));
                        while let Some(x) = s.next().await {
                            total.fetch_add(x as usize, Ordering::Relaxed);
                        }
                    })
                })
                .collect();
            for t in tasks {
                t.await.unwrap();
            }
        });
        assert_eq!(total.load(Ordering::Relaxed), 4 * (1 + 2 + 3 + 4));
    }

    #[test]
    fn under_futures_executor() {
        let v: Vec<u32> = futures::executor::block_on(count(3).collect());
        assert_eq!(v, [0, 1, 2]);
    }

    #[test]
    fn yieldkit_block_on_wakes_from_another_thread() {
        #[async_gen]
        async fn from_channel(rx: futures::channel::mpsc::Receiver<u32>) -> u32 {
            yield_from!(rx);
        }
        let (mut tx, rx) = futures::channel::mpsc::channel(1);
        let producer = std::thread::spawn(move || {
            for i in 0..5 {
                futures::executor::block_on(futures::SinkExt::send(&mut tx, i)).unwrap();
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
        });
        assert_eq!(drain(from_channel(rx)), [0, 1, 2, 3, 4]);
        producer.join().unwrap();
    }

    #[test]
    fn stream_ext_interop() {
        let v: Vec<u32> = block_on(
            count(10)
                .filter(|x| futures::future::ready(x % 2 == 0))
                .map(|x| x * 3)
                .take(3)
                .collect(),
        );
        assert_eq!(v, [0, 6, 12]);
        let zipped: Vec<(u32, u32)> = block_on(count(2).zip(count(5)).collect());
        assert_eq!(zipped, [(0, 0), (1, 1)]);
        assert_eq!(count(3).size_hint(), (0, None));
    }
}
