//! The body rewriter on the Rust that users write: arguments, attributes on
//! statements, nested yields, labels, other macros' input. Each module is named after
//! what once went wrong.

use std::cell::RefCell;
use std::rc::Rc;

use futures::StreamExt;
use yieldkit::{Coroutine, async_gen, generator, stream};

/// Logs its name when dropped.
struct Noisy(&'static str, Rc<RefCell<Vec<&'static str>>>);

impl Drop for Noisy {
    fn drop(&mut self) {
        self.1.borrow_mut().push(self.0);
    }
}

fn log() -> Rc<RefCell<Vec<&'static str>>> {
    Rc::default()
}

mod argument_drop_order {
    use super::*;

    #[generator]
    fn generator(_x: Noisy, _y: Noisy, local: Noisy) -> u32 {
        let _local = local;
        yield_!(1);
        yield_!(2);
    }

    #[async_gen]
    async fn stream(_x: Noisy, _y: Noisy, local: Noisy) -> u32 {
        let _local = local;
        yield_!(1);
        yield_!(2);
    }

    async fn reference(_x: Noisy, _y: Noisy, local: Noisy) {
        let _local = local;
        futures::future::ready(()).await;
    }

    fn args(log: &Rc<RefCell<Vec<&'static str>>>) -> (Noisy, Noisy, Noisy) {
        (
            Noisy("x", log.clone()),
            Noisy("y", log.clone()),
            Noisy("local", log.clone()),
        )
    }

    /// What an `async fn` does with the same arguments, run to the end.
    fn async_fn_order() -> Vec<&'static str> {
        let log = log();
        let (x, y, local) = args(&log);
        yieldkit::block_on(reference(x, y, local));
        log.borrow().clone()
    }

    #[test]
    fn on_completion_like_an_async_fn() {
        assert_eq!(async_fn_order(), ["local", "y", "x"]);
        let log = log();
        let (x, y, local) = args(&log);
        assert_eq!(generator(x, y, local).count(), 2);
        assert_eq!(*log.borrow(), async_fn_order());
        let log = super::log();
        let (x, y, local) = args(&log);
        assert_eq!(yieldkit::block_on(stream(x, y, local).count()), 2);
        assert_eq!(*log.borrow(), async_fn_order());
    }

    #[test]
    fn on_cancellation_like_an_async_fn() {
        let log = log();
        let (x, y, local) = args(&log);
        let mut g = generator(x, y, local);
        assert_eq!(g.next(), Some(1));
        drop(g);
        assert_eq!(*log.borrow(), ["local", "y", "x"]);
        let log = super::log();
        let (x, y, local) = args(&log);
        let mut s = Box::pin(stream(x, y, local));
        assert_eq!(yieldkit::block_on(s.next()), Some(1));
        drop(s);
        assert_eq!(*log.borrow(), ["local", "y", "x"]);
    }

    #[test]
    fn unstarted_in_order_like_an_async_fn() {
        let log = log();
        let (x, y, local) = args(&log);
        drop(generator(x, y, local));
        assert_eq!(*log.borrow(), ["x", "y", "local"]);
        let log = super::log();
        let (x, y, local) = args(&log);
        drop(reference(x, y, local));
        assert_eq!(*log.borrow(), ["x", "y", "local"]);
    }
}

mod argument_patterns {
    use super::*;

    #[generator]
    fn raw_identifier(r#type: u32, r#match: &str) -> String {
        yield_!(format!("{type}{match}", type = r#type, match = r#match));
    }

    #[generator]
    fn by_ref_mut(ref mut x: u8) -> u8 {
        *x += 1;
        yield_!(*x);
    }

    #[async_gen]
    async fn mutable(mut n: u8, (a, mut b): (u8, u8)) -> u8 {
        n += 1;
        b += a;
        yield_!(n + b);
    }

    #[test]
    fn raw_identifiers_ref_mut_and_mut_patterns() {
        assert_eq!(raw_identifier(1, "a").collect::<Vec<_>>(), ["1a"]);
        assert_eq!(by_ref_mut(1).collect::<Vec<_>>(), [2]);
        assert_eq!(
            yieldkit::block_on(mutable(1, (2, 3)).collect::<Vec<_>>()),
            [7]
        );
    }
}

mod generators_written_by_macros {
    use super::*;

    fn step(i: u32) -> Result<u32, String> {
        if i < 2 {
            Ok(i)
        } else {
            Err(String::from("two"))
        }
    }

    macro_rules! counting {
        ($name:ident, $n:ident, $item:ty, $step:ident) => {
            #[generator]
            fn $name($n: $item) -> Result<$item, String> {
                for i in 0..$n {
                    let step: Result<$item, String> = $step(i);
                    yield_!(Ok(step?));
                }
            }
        };
    }

    counting!(up_to, limit, u32, step);

    #[test]
    fn parameter_names_from_the_macro_input_resolve() {
        let items: Vec<_> = up_to(5).collect();
        assert_eq!(items, [Ok(0), Ok(1), Err(String::from("two"))]);
    }
}

mod items_named_like_the_expansion_s_bindings {
    use super::*;

    #[allow(non_camel_case_types, dead_code)]
    struct value;
    #[allow(non_camel_case_types, dead_code)]
    struct residual;

    #[async_gen]
    async fn question_mark_with_items_named_like_its_bindings(
        words: Vec<&'static str>,
    ) -> Result<u32, std::num::ParseIntError> {
        for word in words {
            yield_!(Ok(word.parse()?));
        }
    }

    #[test]
    fn question_mark_ignores_user_items_named_value_and_residual() {
        let items: Vec<_> = yieldkit::block_on(
            question_mark_with_items_named_like_its_bindings(vec!["1", "x"]).collect(),
        );
        assert_eq!(items[0], Ok(1));
        assert!(items[1].is_err());
    }
}

mod attributes_on_rewritten_statements {
    use super::*;

    #[generator]
    fn generator(words: Vec<&'static str>) -> Result<u32, std::num::ParseIntError> {
        #[cfg(any())]
        yield_!(Ok(0));
        #[cfg(not(any()))]
        yield_!(Ok(1));
        #[cfg(any())]
        yield_from!([Ok(2)]);
        #[cfg(any())]
        words[0].parse::<u32>()?;
        for word in words {
            yield_!(Ok(word.parse()?));
        }
        #[cfg(any())]
        return;
        #[cfg(any())]
        yield_!(Ok(3))
    }

    #[test]
    fn cfg_on_a_yield_yield_from_question_mark_and_return() {
        let items: Vec<_> = generator(vec!["x", "5"]).collect();
        assert_eq!(items.len(), 2, "{items:?}");
        assert_eq!(items[0], Ok(1));
        assert!(items[1].is_err());
    }

    #[test]
    fn cfg_on_a_bare_yield_in_the_block_forms() {
        let items: Vec<u32> = yieldkit::iter! {
            #[cfg(any())]
            yield 0;
            yield 1;
            #[cfg(not(any()))]
            yield 2;
        }
        .collect();
        assert_eq!(items, [1, 2]);
        let items: Vec<u32> = yieldkit::block_on(
            stream! {
                #[cfg(any())]
                yield 0;
                yield 1;
            }
            .collect(),
        );
        assert_eq!(items, [1]);
    }

    #[yieldkit::coroutine]
    fn coroutine() -> impl yieldkit::Coroutine<(), Yield = u8, Return = u8> {
        yield_!(1);
        #[cfg(any())]
        return 2;
        3
    }

    #[test]
    fn cfg_on_a_coroutine_return() {
        let mut co = std::pin::pin!(coroutine());
        assert_eq!(co.as_mut().resume(()), yieldkit::CoroutineState::Yielded(1));
        assert_eq!(
            co.as_mut().resume(()),
            yieldkit::CoroutineState::Complete(3)
        );
    }
}

mod yields_inside_yields {
    use super::*;

    #[yieldkit::coroutine(first = first)]
    fn echo() -> impl yieldkit::Coroutine<u32, Yield = u32, Return = ()> {
        let _ = first;
        // Python's `yield (yield 1)`: yield 1, then yield what was sent back.
        let again = yield_!(yield_!(1) + 10);
        yield_!(again);
    }

    #[test]
    fn a_yield_in_another_yield_s_value() {
        use yieldkit::CoroutineState::Yielded;
        let mut co = std::pin::pin!(echo());
        assert_eq!(co.as_mut().resume(0), Yielded(1));
        assert_eq!(co.as_mut().resume(5), Yielded(15));
        assert_eq!(co.as_mut().resume(7), Yielded(7));
    }

    #[generator]
    fn nested() -> u32 {
        yield_!(u32::from({
            yield_!(1);
            2u8
        }));
    }

    #[test]
    fn a_block_that_yields_in_a_yield_s_value() {
        assert_eq!(nested().collect::<Vec<_>>(), [1, 2]);
        let items: Vec<u32> = yieldkit::block_on(
            stream! {
                yield { yield 1u32; 2 };
            }
            .collect(),
        );
        assert_eq!(items, [1, 2]);
    }
}

mod other_macros_input {
    use super::*;

    /// A macro with a grammar of its own: `key: value` pairs.
    macro_rules! pairs {
        ($($key:literal : $value:expr),* $(,)?) => {
            vec![$(($key, $value)),*]
        };
    }

    #[async_gen]
    async fn question_marks(words: Vec<&'static str>) -> Result<u32, std::num::ParseIntError> {
        for word in words {
            let found = matches!(word.parse::<u32>()?, 1 | 2 if true);
            let pairs = pairs!("a": word.parse::<u32>()?, "b": 0);
            yield_!(Ok(u32::from(found) + pairs[0].1));
        }
    }

    #[test]
    fn question_marks_in_matches_and_in_a_macro_of_its_own_grammar() {
        let items: Vec<_> = yieldkit::block_on(question_marks(vec!["1", "7", "x"]).collect());
        assert_eq!(items.len(), 3, "{items:?}");
        assert_eq!(items[0], Ok(2));
        assert_eq!(items[1], Ok(7));
        assert!(items[2].is_err());
    }

    #[test]
    fn a_bare_yield_as_a_select_arm_in_stream() {
        let items: Vec<u32> = yieldkit::block_on(
            stream! {
                for i in 0..3u32 {
                    futures::select! {
                        () = futures::future::ready(()) => yield i,
                    }
                }
            }
            .collect(),
        );
        assert_eq!(items, [0, 1, 2]);
    }
}

mod block_forms {
    use super::*;

    #[test]
    fn a_labelled_for_await() {
        let inner = || stream! { for i in 0..5u32 { yield i; } };
        let items: Vec<u32> = yieldkit::block_on(
            stream! {
                'outer: for await x in inner() {
                    for await y in inner() {
                        if y > x {
                            continue 'outer;
                        }
                        if x == 3 {
                            break 'outer;
                        }
                        yield x * 10 + y;
                    }
                }
            }
            .collect(),
        );
        assert_eq!(items, [0, 10, 11, 20, 21, 22]);
    }

    #[test]
    fn for_await_inside_a_collect_inside_stream() {
        let inner = || stream! { for i in 0..3u32 { yield i; } };
        let items: Vec<Vec<u32>> = yieldkit::block_on(
            stream! {
                let squares: Vec<u32> = yieldkit::collect![x * x for await x in inner()];
                yield squares;
            }
            .collect(),
        );
        assert_eq!(items, [vec![0, 1, 4]]);
    }

    #[test]
    fn a_block_that_never_yields_yields_unit() {
        let s = stream! {};
        let items: Vec<()> = yieldkit::block_on(s.collect());
        assert!(items.is_empty());
        let ran = Rc::new(std::cell::Cell::new(false));
        let body_ran = ran.clone();
        let items: Vec<()> = yieldkit::iter! {
            body_ran.set(true);
        }
        .collect();
        assert!(items.is_empty());
        assert!(ran.get());
    }
}

mod collect_as_a_statement {
    use super::*;

    #[generator]
    fn checks(words: Vec<&'static str>) -> Result<usize, std::num::ParseIntError> {
        // Runs for its `?`s: the first word that does not parse ends the generator.
        yieldkit::collect![w.parse::<u32>()? for w in &words];
        yield_!(Ok(words.len()));
    }

    #[test]
    fn its_question_marks_act_on_the_generator() {
        assert_eq!(checks(vec!["1", "2"]).collect::<Vec<_>>(), [Ok(2)]);
        let items: Vec<_> = checks(vec!["1", "x"]).collect();
        assert_eq!(items.len(), 1);
        assert!(items[0].is_err());
    }
}

mod boxed_coroutine_bounds {
    use super::*;

    #[yieldkit::coroutine(boxed_local)]
    fn counts() -> impl Coroutine<(), Yield = u8, Return = ()> + Send {
        yield_!(1);
    }

    fn assert_send<T: Send>(_: &T) {}

    #[test]
    fn extra_bounds_stay_on_the_boxed_coroutine() {
        let co = counts();
        // `boxed_local` alone would not be `Send`: the `+ Send` the user wrote is kept.
        assert_send(&co);
    }
}

mod boxed_signatures {
    use std::pin::Pin;

    use futures_core::Stream;

    use super::*;

    /// Declarations a trait would write by hand: a method with a bounded lifetime
    /// parameter of its own would not match them (E0195).
    trait Source {
        fn fixed() -> Pin<Box<dyn Stream<Item = i32> + Send>>;
        fn borrowed(&self) -> Pin<Box<dyn Stream<Item = i32> + Send + '_>>;
        fn named<'a>(&'a self, extra: &'a [i32]) -> Pin<Box<dyn Stream<Item = i32> + Send + 'a>>;
        fn counted(&self) -> Pin<Box<dyn yieldkit::PinIterator<Item = i32> + Send + '_>>;
    }

    struct Numbers(Vec<i32>);

    impl Source for Numbers {
        #[async_gen(boxed)]
        async fn fixed() -> i32 {
            yield_!(1);
        }

        #[async_gen(boxed)]
        async fn borrowed(&self) -> i32 {
            for x in &self.0 {
                yield_!(*x);
            }
        }

        #[async_gen(boxed)]
        async fn named<'a>(&'a self, extra: &'a [i32]) -> i32 {
            for x in self.0.iter().chain(extra) {
                yield_!(*x);
            }
        }

        #[generator(boxed)]
        fn counted(&self) -> i32 {
            yield_!(self.0.len().try_into().unwrap());
        }
    }

    #[test]
    fn trait_methods_declared_by_hand_are_implemented() {
        let numbers = Numbers(vec![1, 2]);
        assert_eq!(
            yieldkit::block_on(Numbers::fixed().collect::<Vec<_>>()),
            [1]
        );
        assert_eq!(
            yieldkit::block_on(numbers.borrowed().collect::<Vec<_>>()),
            [1, 2]
        );
        assert_eq!(
            yieldkit::block_on(numbers.named(&[3]).collect::<Vec<_>>()),
            [1, 2, 3]
        );
        let mut counted = numbers.counted();
        assert_eq!(counted.as_mut().next(), Some(2));
    }

    /// A lifetime a type would hide, written out.
    #[async_gen(boxed)]
    async fn chars(c: std::str::Chars<'_>) -> char {
        for x in c {
            yield_!(x);
        }
    }

    /// Two lifetimes: a new one both outlive.
    #[async_gen(boxed)]
    async fn both(a: &str, b: std::str::Chars<'_>) -> char {
        for x in a.chars().chain(b) {
            yield_!(x);
        }
    }

    #[test]
    fn lifetimes_in_argument_types() {
        assert_eq!(
            yieldkit::block_on(chars("ab".chars()).collect::<String>()),
            "ab"
        );
        assert_eq!(
            yieldkit::block_on(both("ab", "cd".chars()).collect::<String>()),
            "abcd"
        );
    }
}

mod yields_as_operands {
    use std::pin::pin;

    use yieldkit::CoroutineState::{Complete, Yielded};

    use super::*;

    /// A yield as the left operand at the start of a match arm: printed as a block, it
    /// would end the arm before the `[..]`.
    #[yieldkit::coroutine(first = first)]
    fn picks() -> impl Coroutine<Vec<u32>, Yield = u32, Return = u32> {
        match first.len() {
            0 => yield_!(0)[0],
            n => yield_!(u32::try_from(n).unwrap())[1] + 100,
        }
    }

    #[test]
    fn a_yield_indexed_at_the_start_of_a_match_arm() {
        let mut co = pin!(picks());
        assert_eq!(co.as_mut().resume(vec![7, 8]), Yielded(2));
        assert_eq!(co.as_mut().resume(vec![1, 2]), Complete(102));
    }

    /// A top-level or-pattern in a `for await` loop.
    #[async_gen]
    async fn either(items: Vec<Result<u32, u32>>) -> u32 {
        #[for_await]
        for Ok(x) | Err(x) in futures::stream::iter(items) {
            yield_!(x);
        }
    }

    #[test]
    fn an_or_pattern_in_a_for_await_loop() {
        let items = yieldkit::block_on(either(vec![Ok(1), Err(2)]).collect::<Vec<_>>());
        assert_eq!(items, [1, 2]);
    }
}

mod temporaries_in_a_yield_s_value {
    use super::*;

    fn id(noisy: &Noisy) -> &'static str {
        noisy.0
    }

    fn push(log: &Rc<RefCell<Vec<&'static str>>>, what: &'static str) -> usize {
        log.borrow_mut().push(what);
        0
    }

    /// The temporary `Noisy` lives to the end of the statement, past the yield and the
    /// rest of the expression, as in `f(&temporary).await`; edition 2024 (this crate's)
    /// dropped it when the yield resumed.
    #[generator]
    fn generator(log: Rc<RefCell<Vec<&'static str>>>) -> &'static str {
        let _ = (
            yield_!(id(&Noisy("temporary", log.clone()))),
            push(&log, "rest of the statement"),
        );
        push(&log, "next statement");
    }

    #[async_gen]
    async fn stream(log: Rc<RefCell<Vec<&'static str>>>) -> &'static str {
        let _ = (
            yield_!(id(&Noisy("temporary", log.clone()))),
            push(&log, "rest of the statement"),
        );
        push(&log, "next statement");
    }

    const EXPECTED: [&str; 4] = [
        "item",
        "rest of the statement",
        "temporary",
        "next statement",
    ];

    #[test]
    fn live_to_the_end_of_the_statement() {
        let log = log();
        for item in generator(log.clone()) {
            assert_eq!(item, "temporary");
            log.borrow_mut().push("item");
        }
        assert_eq!(*log.borrow(), EXPECTED);

        let log = super::log();
        yieldkit::block_on(stream(log.clone()).for_each(|item| {
            assert_eq!(item, "temporary");
            log.borrow_mut().push("item");
            async {}
        }));
        assert_eq!(*log.borrow(), EXPECTED);
    }
}

/// The rewriter walks the body's code itself (not with syn's visitor): a yield is found
/// in every place an expression runs. The same body with a logging macro in place of
/// `yield_!` is the reference: the same values yielded in the same order, and the same
/// result from the values sent back.
#[allow(
    clippy::assign_op_pattern,
    clippy::diverging_sub_expression,
    clippy::never_loop,
    clippy::unnecessary_min_or_max,
    reason = "each yield stands in one kind of expression, however odd"
)]
mod yields_in_every_expression_position {
    use std::pin::pin;

    use yieldkit::CoroutineState::{Complete, Yielded};

    use super::*;

    struct Pair {
        #[allow(dead_code, reason = "only written, as a field value that yields")]
        a: u32,
        b: u32,
    }

    fn id(x: u32) -> u32 {
        x
    }

    /// The coroutine, and the same body as a plain function.
    macro_rules! coroutine_and_reference {
        ($($body:tt)*) => {
            #[yieldkit::coroutine(first = first)]
            fn everywhere() -> impl Coroutine<u32, Yield = u32, Return = u32> {
                let _ = first;
                $($body)*
            }

            fn reference(sent: impl Fn(u32) -> u32, log: &mut Vec<u32>) -> u32 {
                macro_rules! yield_ {
                    ($v:expr) => {{
                        let v = $v;
                        log.push(v);
                        sent(v)
                    }};
                }
                $($body)*
            }
        };
    }

    coroutine_and_reference! {
        let mut total = 0;
        let array = [yield_!(1), yield_!(2)];
        total += array[0] + array[1];
        total = total + yield_!(3);
        total += id(yield_!(4));
        total += yield_!(5).min(u32::MAX);
        total += 0u32.max(yield_!(6));
        total += u32::try_from(yield_!(7) as u64).unwrap();
        total += (yield_!(8), 0).0;
        if yield_!(9) > 0 {
            total += 1;
        }
        total += array[(yield_!(10) % 2) as usize];
        let Some(x) = Some(yield_!(11)) else {
            return 0;
        };
        total += x;
        total += match yield_!(12) {
            v if v == yield_!(13) => 0,
            v => v,
        };
        for i in 0..yield_!(14) % 3 {
            total += i;
        }
        total += *&yield_!(15);
        total += [yield_!(16); 2][1];
        total += Pair {
            a: yield_!(17),
            ..Pair { a: 0, b: yield_!(18) }
        }
        .b;
        #[allow(unused_unsafe)]
        // SAFETY: nothing unsafe happens inside; the block is where the yield stands.
        let from_unsafe = unsafe { yield_!(19) };
        total += from_unsafe;
        let mut n = 0;
        while n == 0 && yield_!(20) > 0 {
            n += 1;
        }
        total += n;
        total += loop {
            break yield_!(21);
        };
        total += 'block: { break 'block yield_!(22) };
        total += (-(-i64::from(yield_!(23)))) as u32;
        let range = 0..=yield_!(24);
        total += range.end();
        total
    }

    #[test]
    fn the_same_yields_and_result_as_the_plain_body() {
        let sent = |v: u32| v * 10 + 3;
        let mut expected = Vec::new();
        let result = reference(sent, &mut expected);
        let mut co = pin!(everywhere());
        let mut got = Vec::new();
        let mut state = co.as_mut().resume(0);
        while let Yielded(v) = state {
            got.push(v);
            state = co.as_mut().resume(sent(v));
        }
        assert_eq!(got, expected);
        assert_eq!(state, Complete(result));
        assert_eq!(
            got,
            (1..=24).collect::<Vec<_>>(),
            "every position yielded once"
        );
    }
}
