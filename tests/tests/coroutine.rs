//! `#[yieldkit::coroutine]`: Python's `send()` / `asend()`, `return value`, `yield from`
//! delegation and `aclose()` (SEMANTICS.md, "Coroutines").

use std::cell::{Cell, RefCell};
use std::pin::pin;
use std::rc::Rc;

use futures::StreamExt;
use yieldkit::{AsyncCoroutine, Coroutine, CoroutineIter, CoroutineState, CoroutineStream};

use CoroutineState::{Complete, Yielded};

/// Python:
/// ```python
/// def averager():
///     total, count = 0.0, 0
///     while True:
///         term = yield (total / count if count else None)
///         ...
/// ```
/// Here the first value is data (the first resume delivers it to the body).
#[yieldkit::coroutine(first = first)]
fn averager() -> impl Coroutine<f64, Yield = f64, Return = ()> {
    let (mut total, mut count) = (first, 1.0);
    loop {
        let term = yield_!(total / count);
        total += term;
        count += 1.0;
    }
}

mod send {
    use super::*;

    #[test]
    fn each_resume_value_reaches_the_pending_yield() {
        let mut avg = pin!(averager());
        assert_eq!(avg.as_mut().resume(10.0), Yielded(10.0));
        assert_eq!(avg.as_mut().resume(20.0), Yielded(15.0));
        assert_eq!(avg.as_mut().resume(60.0), Yielded(30.0));
    }

    #[yieldkit::coroutine(first = first)]
    fn echo(log: &RefCell<Vec<String>>) -> impl Coroutine<String, Yield = usize, Return = String> {
        log.borrow_mut().push(first.clone());
        let mut last = first;
        loop {
            let sent: String = yield_!(last.len());
            if sent == "stop" {
                return last;
            }
            log.borrow_mut().push(sent.clone());
            last = sent;
        }
    }

    #[test]
    fn first_resume_value_is_delivered_to_the_body() {
        let log = RefCell::new(Vec::new());
        let mut co = pin!(echo(&log));
        assert_eq!(co.as_mut().resume("ab".into()), Yielded(2));
        assert_eq!(co.as_mut().resume("abcd".into()), Yielded(4));
        assert_eq!(
            co.as_mut().resume("stop".into()),
            Complete("abcd".to_string())
        );
        assert_eq!(*log.borrow(), ["ab", "abcd"]);
    }
}

mod first_send {
    use super::*;

    /// A coroutine that does not name its first value takes `()` (Python's "the first
    /// send must be None"); see the ui test `first_resume_unnamed.rs` for the error
    /// otherwise.
    #[yieldkit::coroutine]
    pub(super) fn numbered(
        ran: &Cell<bool>,
    ) -> impl Coroutine<(), Yield = u32, Return = &'static str> {
        ran.set(true);
        yield_!(1);
        yield_!(2);
        "done"
    }

    #[test]
    fn nothing_runs_before_the_first_resume() {
        let ran = Cell::new(false);
        let mut co = pin!(numbered(&ran));
        assert!(!ran.get());
        assert_eq!(co.as_mut().resume(()), Yielded(1));
        assert!(ran.get());
        assert_eq!(co.as_mut().resume(()), Yielded(2));
        assert_eq!(co.as_mut().resume(()), Complete("done"));
    }
}

mod return_value {
    use super::*;

    #[yieldkit::coroutine]
    fn early(n: u32) -> impl Coroutine<(), Yield = u32, Return = Result<u32, String>> {
        for i in 0..n {
            if i == 2 {
                return Err(format!("stopped at {i}"));
            }
            yield_!(i);
        }
        Ok(n)
    }

    #[test]
    fn return_and_tail_expression_become_complete() {
        let mut co = pin!(early(1));
        assert_eq!(co.as_mut().resume(()), Yielded(0));
        assert_eq!(co.as_mut().resume(()), Complete(Ok(1)));
        let mut co = pin!(early(5));
        assert_eq!(co.as_mut().resume(()), Yielded(0));
        assert_eq!(co.as_mut().resume(()), Yielded(1));
        assert_eq!(co.as_mut().resume(()), Complete(Err("stopped at 2".into())));
    }

    #[yieldkit::coroutine]
    fn parse_sum(
        items: Vec<&'static str>,
    ) -> impl Coroutine<(), Yield = u32, Return = Result<u32, std::num::ParseIntError>> {
        let mut sum = 0;
        for item in items {
            let v: u32 = item.parse()?;
            sum += v;
            yield_!(sum);
        }
        Ok(sum)
    }

    #[test]
    fn question_mark_returns_the_error() {
        let mut co = pin!(parse_sum(vec!["1", "2", "x"]));
        assert_eq!(co.as_mut().resume(()), Yielded(1));
        assert_eq!(co.as_mut().resume(()), Yielded(3));
        assert!(matches!(co.as_mut().resume(()), Complete(Err(_))));
    }

    #[test]
    #[should_panic(expected = "coroutine resumed after completion")]
    fn resume_after_complete_panics() {
        let ran = Cell::new(false);
        let mut co = pin!(super::first_send::numbered(&ran));
        for _ in 0..3 {
            co.as_mut().resume(());
        }
        co.as_mut().resume(());
    }

    #[yieldkit::coroutine]
    fn boom() -> impl Coroutine<(), Yield = u32, Return = ()> {
        yield_!(1);
        panic!("boom");
    }

    #[test]
    fn panic_ends_the_coroutine() {
        let mut co = pin!(boom());
        assert_eq!(co.as_mut().resume(()), Yielded(1));
        let err = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| co.as_mut().resume(())));
        assert!(err.is_err());
        let again =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| co.as_mut().resume(())));
        let message = again.unwrap_err();
        let message = message.downcast_ref::<&str>().copied().unwrap_or_default();
        assert!(message.contains("after completion"), "{message}");
    }
}

mod delegation {
    use super::*;

    /// PEP 380: `yield from` forwards every sent value to the sub-generator and
    /// evaluates to its return value.
    #[yieldkit::coroutine(first = first)]
    fn accumulate() -> impl Coroutine<Option<i32>, Yield = i32, Return = i32> {
        let mut total = 0;
        let mut next = first;
        while let Some(v) = next {
            total += v;
            next = yield_!(total);
        }
        total
    }

    #[yieldkit::coroutine(first = first)]
    fn gather(
        tallies: Rc<RefCell<Vec<i32>>>,
    ) -> impl Coroutine<Option<i32>, Yield = i32, Return = ()> {
        let mut start = first;
        loop {
            let tally = yield_from!(accumulate(), start);
            tallies.borrow_mut().push(tally);
            start = yield_!(-1);
        }
    }

    #[test]
    fn delegation_forwards_sends_and_returns_the_sub_result() {
        let tallies = Rc::new(RefCell::new(Vec::new()));
        let mut co = pin!(gather(tallies.clone()));
        assert_eq!(co.as_mut().resume(Some(1)), Yielded(1));
        assert_eq!(co.as_mut().resume(Some(2)), Yielded(3));
        assert_eq!(co.as_mut().resume(None), Yielded(-1));
        assert_eq!(co.as_mut().resume(Some(10)), Yielded(10));
        assert_eq!(co.as_mut().resume(None), Yielded(-1));
        assert_eq!(*tallies.borrow(), [3, 10]);
    }

    #[yieldkit::coroutine]
    fn inner() -> impl Coroutine<(), Yield = &'static str, Return = usize> {
        yield_!("a");
        yield_!("b");
        2
    }

    #[yieldkit::coroutine]
    fn outer() -> impl Coroutine<(), Yield = &'static str, Return = usize> {
        let n = yield_from!(inner());
        let m = yield_from!(inner());
        n + m
    }

    #[test]
    fn unit_delegation_needs_no_first_value() {
        let mut co = pin!(outer());
        let mut seen = Vec::new();
        let ret = loop {
            match co.as_mut().resume(()) {
                Yielded(s) => seen.push(s),
                Complete(r) => break r,
            }
        };
        assert_eq!(seen, ["a", "b", "a", "b"]);
        assert_eq!(ret, 4);
    }

    #[yieldkit::coroutine(boxed)]
    fn countdown(n: u32) -> impl Coroutine<(), Yield = u32, Return = u32> {
        if n == 0 {
            return 0;
        }
        yield_!(n);
        1 + yield_from!(countdown(n - 1))
    }

    #[test]
    fn recursive_boxed_coroutine() {
        let mut co = countdown(3);
        let mut seen = Vec::new();
        let ret = loop {
            match co.as_mut().resume(()) {
                Yielded(s) => seen.push(s),
                Complete(r) => break r,
            }
        };
        assert_eq!(seen, [3, 2, 1]);
        assert_eq!(ret, 3);
    }
}

mod borrowing_across_yields {
    use super::*;

    #[yieldkit::coroutine(first = first)]
    fn tokens() -> impl Coroutine<String, Yield = Vec<String>, Return = ()> {
        let mut line = first;
        loop {
            // `words` borrows the local `line` across the yield.
            let words: Vec<&str> = line.split_whitespace().collect();
            let owned = words.iter().map(|w| w.to_uppercase()).collect();
            let sent = yield_!(owned);
            // Still borrowed after the yield.
            assert!(!words.is_empty() || line.is_empty());
            line = sent;
        }
    }

    #[test]
    fn locals_borrowed_across_yields() {
        let mut co = pin!(tokens());
        assert_eq!(
            co.as_mut().resume("a b".into()),
            Yielded(vec!["A".into(), "B".into()])
        );
        assert_eq!(co.as_mut().resume("c".into()), Yielded(vec!["C".into()]));
    }
}

mod adapters {
    use super::*;

    #[yieldkit::coroutine]
    fn three() -> impl Coroutine<(), Yield = u8, Return = ()> {
        yield_!(1);
        yield_!(2);
        yield_!(3);
    }

    #[test]
    fn unit_coroutine_is_an_iterator() {
        let co = pin!(three());
        let v: Vec<u8> = CoroutineIter::new(co).collect();
        assert_eq!(v, [1, 2, 3]);
        let v: Vec<u8> = CoroutineIter::new(Box::pin(three())).collect();
        assert_eq!(v, [1, 2, 3]);
    }

    #[yieldkit::coroutine]
    async fn ticks(n: u8) -> impl AsyncCoroutine<(), Yield = u8, Return = ()> {
        for i in 0..n {
            tokio::task::yield_now().await;
            yield_!(i);
        }
    }

    #[tokio::test]
    async fn unit_async_coroutine_is_a_stream() {
        let co = pin!(ticks(3));
        let v: Vec<u8> = CoroutineStream::new(co).collect().await;
        assert_eq!(v, [0, 1, 2]);
    }
}

mod async_coroutines {
    use super::*;

    #[yieldkit::coroutine(first = first)]
    async fn doubler() -> impl AsyncCoroutine<u32, Yield = u32, Return = u32> {
        let mut x = first;
        let mut calls = 0;
        while x != 0 {
            tokio::task::yield_now().await;
            calls += 1;
            x = yield_!(x * 2);
        }
        calls
    }

    #[tokio::test]
    async fn resume_is_a_future() {
        let mut co = pin!(doubler());
        assert_eq!(co.as_mut().resume(1).await, Yielded(2));
        assert_eq!(co.as_mut().resume(5).await, Yielded(10));
        assert_eq!(co.as_mut().resume(0).await, Complete(2));
    }

    #[yieldkit::coroutine(first = first)]
    async fn outer() -> impl AsyncCoroutine<u32, Yield = u32, Return = u32> {
        let calls = yield_from!(doubler(), first);
        yield_!(100);
        calls
    }

    #[tokio::test]
    async fn async_delegation() {
        let mut co = pin!(outer());
        assert_eq!(co.as_mut().resume(3).await, Yielded(6));
        assert_eq!(co.as_mut().resume(0).await, Yielded(100));
        assert_eq!(co.as_mut().resume(0).await, Complete(1));
    }

    #[test]
    fn is_send_when_its_body_is() {
        fn is_send<T: Send>(_: &T) {}
        is_send(&doubler());
    }
}

mod close {
    use super::*;

    /// A connection whose cleanup must await, like a socket's graceful shutdown.
    #[derive(Default)]
    struct Conn {
        log: RefCell<Vec<&'static str>>,
    }

    impl Conn {
        async fn flush_and_close(&self) {
            tokio::task::yield_now().await;
            self.log.borrow_mut().push("closed");
        }
    }

    #[yieldkit::coroutine(first = first)]
    async fn writer(
        conn: &Conn,
    ) -> impl AsyncCoroutine<&'static str, Yield = usize, Return = usize> {
        let mut written = 0;
        defer! {
            conn.flush_and_close().await;
        }
        let mut line = first;
        loop {
            conn.log.borrow_mut().push(line);
            written += 1;
            line = yield_!(written);
        }
    }

    /// Its deferred code returns how much it wrote: `aclose` resolves to it.
    #[yieldkit::coroutine(first = first)]
    async fn counting_writer(
        conn: &Conn,
    ) -> impl AsyncCoroutine<&'static str, Yield = usize, Return = usize> {
        let mut written = 0;
        defer! {
            conn.flush_and_close().await;
            return written;
        }
        let mut line = first;
        loop {
            conn.log.borrow_mut().push(line);
            written += 1;
            line = yield_!(written);
        }
    }

    #[tokio::test]
    async fn aclose_runs_async_cleanup_for_any_sent_type() {
        let conn = Conn::default();
        let mut co = pin!(writer(&conn));
        assert_eq!(co.as_mut().resume("a").await, Yielded(1));
        assert_eq!(co.as_mut().resume("b").await, Yielded(2));
        assert_eq!(co.as_mut().aclose().await, None);
        assert_eq!(*conn.log.borrow(), ["a", "b", "closed"]);
        // Closing again, or a never-started coroutine, is a no-op.
        assert_eq!(co.as_mut().aclose().await, None);
        let mut fresh = pin!(writer(&conn));
        assert_eq!(fresh.as_mut().aclose().await, None);
        assert_eq!(conn.log.borrow().len(), 3);
    }

    #[tokio::test]
    async fn aclose_resolves_to_what_deferred_code_returns() {
        let conn = Conn::default();
        let mut co = pin!(counting_writer(&conn));
        assert_eq!(co.as_mut().resume("a").await, Yielded(1));
        assert_eq!(co.as_mut().aclose().await, Some(1));
        assert_eq!(*conn.log.borrow(), ["a", "closed"]);
    }

    #[tokio::test]
    async fn drop_runs_only_sync_destructors() {
        let conn = Conn::default();
        {
            let mut co = pin!(writer(&conn));
            assert_eq!(co.as_mut().resume("a").await, Yielded(1));
        }
        // Dropped without `aclose`: the `.await`ed cleanup never ran.
        assert_eq!(*conn.log.borrow(), ["a"]);
    }

    /// Its deferred code goes back into the loop, to another yield.
    #[yieldkit::coroutine(first = first)]
    async fn stubborn() -> impl AsyncCoroutine<Option<u8>, Yield = u8, Return = ()> {
        let _ = first;
        loop {
            defer! {
                continue;
            }
            let _ = yield_!(0);
        }
    }

    #[tokio::test]
    #[should_panic(expected = "yielded while it was being closed")]
    async fn yield_while_closing_panics() {
        let mut co = pin!(stubborn());
        assert_eq!(co.as_mut().resume(Some(1)).await, Yielded(0));
        co.as_mut().aclose().await;
    }
}
