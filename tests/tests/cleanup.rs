//! `defer!`, closing a generator and the consumers that close what they own (the
//! guide's "Cleanup that awaits"), at run time, in every form: each way out of a
//! scope, the order of several defers, cleanup that really awaits, the consumers'
//! closes (exactly once, never of a borrowed source), and closing a generator that is
//! unstarted, finished, panicked or that yields while closing.

use std::cell::RefCell;
use std::future::Future;
use std::pin::{Pin, pin};
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use futures::StreamExt;
use futures::executor::block_on;
use futures_core::{FusedStream, Stream};
use yieldkit::{
    AsyncCloseExt, AsyncCoroutine, Close, Coroutine, CoroutineState, async_gen, for_await,
    generator, iter, stream,
};

/// What a body did, in order.
#[derive(Default)]
struct Log(RefCell<Vec<String>>);

impl Log {
    fn push(&self, event: impl Into<String>) {
        self.0.borrow_mut().push(event.into());
    }

    fn take(&self) -> Vec<String> {
        self.0.take()
    }
}

// The runtime's test fixtures: `PendingOnce` is `Pending` once, waking its task
// through the waker. `futures::executor::block_on` polls again only when woken, so a
// lost wake-up hangs a test instead of passing it.
#[path = "../../runtime/tests/common/mod.rs"]
mod common;

/// Cleanup that awaits "I/O".
fn tick() -> common::PendingOnce {
    common::PendingOnce(false)
}

/// How the scenario bodies leave their loop at `i == 1`.
#[derive(Clone, Copy, Debug)]
enum Exit {
    /// They do not: the loop runs to its end and the body falls off its end.
    End,
    Return,
    Question,
    /// `break 'outer` out of the loop, from inside two scopes.
    Break,
    /// `continue 'outer`, leaving the iteration's scope.
    Continue,
}

const ALL_EXITS: [Exit; 5] = [
    Exit::End,
    Exit::Return,
    Exit::Question,
    Exit::Break,
    Exit::Continue,
];

fn fails(exit: Exit, i: u32) -> Result<(), String> {
    match exit {
        Exit::Question if i == 1 => Err("e1".into()),
        _ => Ok(()),
    }
}

/// What every form of the scenario logs (items as `item i`, then the error item, if
/// any, as `err e1`), for a run to its end.
fn expected(exit: Exit) -> Vec<&'static str> {
    let mut log = vec!["item 0", "after 0", "inner", "iteration"];
    match exit {
        Exit::End => log.extend([
            "item 1",
            "after 1",
            "inner",
            "iteration",
            "item 2",
            "after 2",
            "inner",
            "iteration",
            "end",
            "outer",
        ]),
        Exit::Return | Exit::Break => log.extend(["item 1", "inner", "iteration"]),
        Exit::Question => log.extend(["item 1", "inner", "iteration", "outer", "err e1"]),
        Exit::Continue => log.extend([
            "item 1",
            "inner",
            "iteration",
            "item 2",
            "after 2",
            "inner",
            "iteration",
            "end",
            "outer",
        ]),
    }
    if matches!(exit, Exit::Return) {
        log.push("outer");
    }
    if matches!(exit, Exit::Break) {
        log.extend(["end", "outer"]);
    }
    log
}

/// What a close after `k` items logs: the body leaves from the yield of item `k - 1`,
/// inside both scopes, running the deferred code inner first.
fn expected_close_after(k: u32) -> Vec<String> {
    let mut log = Vec::new();
    for i in 0..k {
        if i > 0 {
            log.extend([
                format!("after {}", i - 1),
                "inner".into(),
                "iteration".into(),
            ]);
        }
        log.push(format!("item {i}"));
    }
    if k > 0 {
        log.extend(["inner".into(), "iteration".into(), "outer".into()]);
    }
    log
}

/// Logs each item a stream hands out, to the end.
fn run_stream<S: Stream<Item = Result<u32, String>>>(log: &Log, s: S) -> Vec<String> {
    let mut s = pin!(s);
    block_on(async {
        while let Some(item) = s.next().await {
            log.push(match item {
                Ok(i) => format!("item {i}"),
                Err(e) => format!("err {e}"),
            });
        }
    });
    log.take()
}

/// Takes `k` items, then closes the stream, which must then be terminated.
fn close_stream_after<S>(log: &Log, s: S, k: u32) -> Vec<String>
where
    S: FusedStream<Item = Result<u32, String>> + yieldkit::AsyncClose,
{
    let mut s = pin!(s);
    block_on(async {
        for _ in 0..k {
            let item = s.next().await.unwrap().unwrap();
            log.push(format!("item {item}"));
        }
        s.as_mut().aclose().await;
        assert!(s.is_terminated());
        assert_eq!(s.next().await, None);
        s.as_mut().aclose().await; // a second close does nothing
    });
    log.take()
}

fn run_iter(log: &Log, it: impl Iterator<Item = Result<u32, String>>) -> Vec<String> {
    for item in it {
        log.push(match item {
            Ok(i) => format!("item {i}"),
            Err(e) => format!("err {e}"),
        });
    }
    log.take()
}

fn close_iter_after<I>(log: &Log, mut it: I, k: u32) -> Vec<String>
where
    I: Iterator<Item = Result<u32, String>> + Close,
{
    for _ in 0..k {
        let item = it.next().unwrap().unwrap();
        log.push(format!("item {item}"));
    }
    it.close();
    assert_eq!(it.next(), None);
    it.close();
    log.take()
}

/// The scenario in each form: two scopes with cleanup (the body's and each loop
/// iteration's, which has two defers and one that awaits in the async forms), left at
/// `i == 1` the way `exit` says.
mod forms {
    use super::*;

    #[async_gen]
    pub(super) async fn async_gen_fn<'a>(log: &'a Log, exit: Exit) -> Result<u32, String> {
        defer! {
            tick().await;
            log.push("outer");
        }
        'outer: for i in 0..3 {
            defer! {
                tick().await;
                log.push("iteration");
            }
            defer! {
                log.push("inner");
            }
            yield_!(Ok(i));
            fails(exit, i)?;
            if i == 1 {
                match exit {
                    Exit::Return => return,
                    Exit::Break => break 'outer,
                    Exit::Continue => continue 'outer,
                    Exit::End | Exit::Question => {}
                }
            }
            log.push(format!("after {i}"));
        }
        log.push("end");
    }

    pub(super) fn stream_block(
        log: &Log,
        exit: Exit,
    ) -> impl FusedStream<Item = Result<u32, String>> + yieldkit::AsyncClose + '_ {
        stream! {
            defer! {
                tick().await;
                log.push("outer");
            }
            'outer: for i in 0..3 {
                defer! {
                    tick().await;
                    log.push("iteration");
                }
                defer! {
                    log.push("inner");
                }
                yield Ok(i);
                fails(exit, i)?;
                if i == 1 {
                    match exit {
                        Exit::Return => return,
                        Exit::Break => break 'outer,
                        Exit::Continue => continue 'outer,
                        Exit::End | Exit::Question => {}
                    }
                }
                log.push(format!("after {i}"));
            }
            log.push("end");
        }
    }

    #[generator]
    pub(super) fn generator_fn<'a>(log: &'a Log, exit: Exit) -> Result<u32, String> {
        defer! {
            log.push("outer");
        }
        'outer: for i in 0..3 {
            defer! {
                log.push("iteration");
            }
            defer! {
                log.push("inner");
            }
            yield_!(Ok(i));
            fails(exit, i)?;
            if i == 1 {
                match exit {
                    Exit::Return => return,
                    Exit::Break => break 'outer,
                    Exit::Continue => continue 'outer,
                    Exit::End | Exit::Question => {}
                }
            }
            log.push(format!("after {i}"));
        }
        log.push("end");
    }

    pub(super) fn iter_block(
        log: &Log,
        exit: Exit,
    ) -> impl Iterator<Item = Result<u32, String>> + Close + '_ {
        iter! {
            defer! {
                log.push("outer");
            }
            'outer: for i in 0..3 {
                defer! {
                    log.push("iteration");
                }
                defer! {
                    log.push("inner");
                }
                yield Ok(i);
                fails(exit, i)?;
                if i == 1 {
                    match exit {
                        Exit::Return => return,
                        Exit::Break => break 'outer,
                        Exit::Continue => continue 'outer,
                        Exit::End | Exit::Question => {}
                    }
                }
                log.push(format!("after {i}"));
            }
            log.push("end");
        }
    }

    /// The coroutines yield the bare item and return the error.
    #[yieldkit::coroutine]
    pub(super) fn coroutine_fn<'a>(
        log: &'a Log,
        exit: Exit,
    ) -> impl Coroutine<(), Yield = u32, Return = Result<(), String>> + 'a {
        defer! {
            log.push("outer");
        }
        'outer: for i in 0..3 {
            defer! {
                log.push("iteration");
            }
            defer! {
                log.push("inner");
            }
            yield_!(i);
            fails(exit, i)?;
            if i == 1 {
                match exit {
                    Exit::Return => return Ok(()),
                    Exit::Break => break 'outer,
                    Exit::Continue => continue 'outer,
                    Exit::End | Exit::Question => {}
                }
            }
            log.push(format!("after {i}"));
        }
        log.push("end");
        Ok(())
    }

    #[yieldkit::coroutine]
    pub(super) async fn async_coroutine_fn<'a>(
        log: &'a Log,
        exit: Exit,
    ) -> impl AsyncCoroutine<(), Yield = u32, Return = Result<(), String>> + 'a {
        defer! {
            tick().await;
            log.push("outer");
        }
        'outer: for i in 0..3 {
            defer! {
                tick().await;
                log.push("iteration");
            }
            defer! {
                log.push("inner");
            }
            yield_!(i);
            fails(exit, i)?;
            if i == 1 {
                match exit {
                    Exit::Return => return Ok(()),
                    Exit::Break => break 'outer,
                    Exit::Continue => continue 'outer,
                    Exit::End | Exit::Question => {}
                }
            }
            log.push(format!("after {i}"));
        }
        log.push("end");
        Ok(())
    }
}

fn log_complete(log: &Log, result: Result<(), String>) {
    if let Err(e) = result {
        log.push(format!("err {e}"));
    }
}

mod every_exit {
    use super::*;

    #[test]
    fn async_gen() {
        for exit in ALL_EXITS {
            let log = Log::default();
            assert_eq!(
                run_stream(&log, forms::async_gen_fn(&log, exit)),
                expected(exit),
                "{exit:?}"
            );
        }
    }

    #[test]
    fn stream_block() {
        for exit in ALL_EXITS {
            let log = Log::default();
            assert_eq!(
                run_stream(&log, forms::stream_block(&log, exit)),
                expected(exit),
                "{exit:?}"
            );
        }
    }

    #[test]
    fn generator() {
        for exit in ALL_EXITS {
            let log = Log::default();
            assert_eq!(
                run_iter(&log, forms::generator_fn(&log, exit)),
                expected(exit),
                "{exit:?}"
            );
        }
    }

    #[test]
    fn iter_block() {
        for exit in ALL_EXITS {
            let log = Log::default();
            assert_eq!(
                run_iter(&log, forms::iter_block(&log, exit)),
                expected(exit),
                "{exit:?}"
            );
        }
    }

    #[test]
    fn coroutine() {
        for exit in ALL_EXITS {
            let log = Log::default();
            let mut co = pin!(forms::coroutine_fn(&log, exit));
            loop {
                match co.as_mut().resume(()) {
                    CoroutineState::Yielded(i) => log.push(format!("item {i}")),
                    CoroutineState::Complete(result) => break log_complete(&log, result),
                }
            }
            assert_eq!(log.take(), expected(exit), "{exit:?}");
        }
    }

    #[test]
    fn async_coroutine() {
        for exit in ALL_EXITS {
            let log = Log::default();
            let mut co = pin!(forms::async_coroutine_fn(&log, exit));
            block_on(async {
                loop {
                    match co.as_mut().resume(()).await {
                        CoroutineState::Yielded(i) => log.push(format!("item {i}")),
                        CoroutineState::Complete(result) => break log_complete(&log, result),
                    }
                }
            });
            assert_eq!(log.take(), expected(exit), "{exit:?}");
        }
    }
}

/// Closing after `k` items, while the body is suspended inside both scopes of the
/// loop (or, for `k = 0`, before it started: nothing runs).
mod close_while_suspended_in_a_nested_scope {
    use super::*;

    #[test]
    fn async_gen() {
        for k in 0..3 {
            let log = Log::default();
            let got = close_stream_after(&log, forms::async_gen_fn(&log, Exit::End), k);
            assert_eq!(got, expected_close_after(k), "k = {k}");
        }
    }

    #[test]
    fn stream_block() {
        for k in 0..3 {
            let log = Log::default();
            let got = close_stream_after(&log, forms::stream_block(&log, Exit::End), k);
            assert_eq!(got, expected_close_after(k), "k = {k}");
        }
    }

    #[test]
    fn generator() {
        for k in 0..3 {
            let log = Log::default();
            let got = close_iter_after(&log, forms::generator_fn(&log, Exit::End), k);
            assert_eq!(got, expected_close_after(k), "k = {k}");
        }
    }

    #[test]
    fn iter_block() {
        for k in 0..3 {
            let log = Log::default();
            let got = close_iter_after(&log, forms::iter_block(&log, Exit::End), k);
            assert_eq!(got, expected_close_after(k), "k = {k}");
        }
    }

    #[test]
    fn coroutine() {
        for k in 0..3 {
            let log = Log::default();
            let mut co = pin!(forms::coroutine_fn(&log, Exit::End));
            for _ in 0..k {
                match co.as_mut().resume(()) {
                    CoroutineState::Yielded(i) => log.push(format!("item {i}")),
                    CoroutineState::Complete(_) => unreachable!(),
                }
            }
            co.as_mut().close();
            assert_eq!(log.take(), expected_close_after(k), "k = {k}");
        }
    }

    #[test]
    fn async_coroutine() {
        for k in 0..3 {
            let log = Log::default();
            let mut co = pin!(forms::async_coroutine_fn(&log, Exit::End));
            block_on(async {
                for _ in 0..k {
                    match co.as_mut().resume(()).await {
                        CoroutineState::Yielded(i) => log.push(format!("item {i}")),
                        CoroutineState::Complete(_) => unreachable!(),
                    }
                }
                assert!(co.as_mut().aclose().await.is_none());
            });
            assert_eq!(log.take(), expected_close_after(k), "k = {k}");
        }
    }

    #[test]
    fn boxed_generators_close_through_the_box() {
        let log = Log::default();
        let got = close_stream_after(&log, Box::pin(forms::async_gen_fn(&log, Exit::End)), 2);
        assert_eq!(got, expected_close_after(2));
    }
}

/// The deferred code's `.await`s are real suspensions of `aclose()`: each returns
/// `Pending` (having woken the task) and the close goes on from there.
mod cleanup_is_awaited {
    use super::*;

    fn polls_until_ready<F: Future>(mut f: Pin<&mut F>) -> (u32, F::Output) {
        let woken = std::sync::Arc::new(WakeCount::default());
        let waker = Waker::from(woken.clone());
        let mut cx = Context::from_waker(&waker);
        let mut pendings = 0;
        loop {
            let before = woken.0.load(std::sync::atomic::Ordering::SeqCst);
            match f.as_mut().poll(&mut cx) {
                Poll::Ready(output) => return (pendings, output),
                Poll::Pending => {
                    pendings += 1;
                    let after = woken.0.load(std::sync::atomic::Ordering::SeqCst);
                    assert!(after > before, "Pending without a wake-up");
                }
            }
        }
    }

    #[derive(Default)]
    struct WakeCount(std::sync::atomic::AtomicU32);

    impl std::task::Wake for WakeCount {
        fn wake(self: std::sync::Arc<Self>) {
            self.wake_by_ref();
        }
        fn wake_by_ref(self: &std::sync::Arc<Self>) {
            let _ = self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        }
    }

    #[test]
    fn aclose_is_pending_at_each_await_of_deferred_code() {
        let log = Log::default();
        let mut s = pin!(forms::async_gen_fn(&log, Exit::End));
        assert!(matches!(
            polls_until_ready(pin!(s.next())),
            (0, Some(Ok(0)))
        ));
        // Two awaiting defers between the yield and the end: the iteration's, the body's.
        let (pendings, ()) = polls_until_ready(pin!(s.as_mut().aclose()));
        assert_eq!(pendings, 2);
        assert_eq!(log.take(), ["inner", "iteration", "outer"]);
        assert!(s.is_terminated());
    }

    #[test]
    fn an_async_coroutine_s_aclose_too() {
        let log = Log::default();
        let mut co = pin!(forms::async_coroutine_fn(&log, Exit::End));
        let (_, first) = polls_until_ready(pin!(co.as_mut().resume(())));
        assert!(matches!(first, CoroutineState::Yielded(0)));
        let (pendings, returned) = polls_until_ready(pin!(co.as_mut().aclose()));
        assert_eq!((pendings, returned), (2, None));
        assert_eq!(log.take(), ["inner", "iteration", "outer"]);
    }

    /// An `aclose()` future dropped while deferred code awaits leaves the rest of the
    /// close to the next `aclose()`, which finishes it: nothing runs twice.
    #[test]
    fn a_dropped_aclose_is_finished_by_the_next() {
        let log = Log::default();
        let mut s = pin!(forms::async_gen_fn(&log, Exit::End));
        assert_eq!(block_on(s.next()), Some(Ok(0)));
        {
            let mut close = pin!(s.as_mut().aclose());
            let mut cx = Context::from_waker(Waker::noop());
            assert!(close.as_mut().poll(&mut cx).is_pending());
        }
        assert_eq!(log.take(), ["inner"]);
        // Being closed, the stream already hands out nothing more.
        assert!(s.is_terminated());
        assert_eq!(block_on(s.next()), None);
        assert!(log.take().is_empty());
        block_on(s.as_mut().aclose());
        assert_eq!(log.take(), ["iteration", "outer"]);
        assert!(s.is_terminated());
    }
}

/// Several defers in one scope run in reverse order; nested scopes inner first;
/// deferred code sees and mutates the locals it names.
mod order_and_locals {
    use super::*;

    #[generator]
    fn three(log: &Log) -> u32 {
        let mut count = 0;
        defer! {
            log.push(format!("first, count {count}"));
        }
        defer! {
            count += 10;
            log.push("second");
        }
        {
            defer! {
                log.push("nested");
            }
            count += 1;
            yield_!(count);
        }
        defer! {
            log.push("third");
        }
        count += 1;
        yield_!(count);
    }

    #[test]
    fn reverse_order_inner_first_on_the_locals() {
        let log = Log::default();
        let items: Vec<u32> = three(&log).collect();
        assert_eq!(items, [1, 2]);
        assert_eq!(log.take(), ["nested", "third", "second", "first, count 12"]);
        // Closed while suspended in the nested block: the same order.
        let mut it = three(&log);
        assert_eq!(it.next(), Some(1));
        it.close();
        assert_eq!(log.take(), ["nested", "second", "first, count 11"]);
    }

    /// Values declared after a `defer!` are dropped before its code runs, the ones
    /// before it after.
    #[async_gen]
    async fn with_guards<'a>(log: &'a Log) -> u32 {
        let _before = Noted(log, "drop before");
        defer! {
            log.push("deferred");
        }
        let _after = Noted(log, "drop after");
        yield_!(1);
    }

    struct Noted<'a>(&'a Log, &'static str);

    impl Drop for Noted<'_> {
        fn drop(&mut self) {
            self.0.push(self.1);
        }
    }

    #[test]
    fn locals_after_the_defer_drop_first() {
        let log = Log::default();
        assert_eq!(block_on(with_guards(&log).collect::<Vec<_>>()), [1]);
        assert_eq!(log.take(), ["drop after", "deferred", "drop before"]);
        let mut s = pin!(with_guards(&log));
        assert_eq!(block_on(s.next()), Some(1));
        block_on(s.as_mut().aclose());
        assert_eq!(log.take(), ["drop after", "deferred", "drop before"]);
    }

    /// Dropped without a close: the locals drop, the deferred code does not run.
    #[test]
    fn a_drop_runs_no_deferred_code() {
        let log = Log::default();
        let mut s = Box::pin(with_guards(&log));
        assert_eq!(block_on(s.next()), Some(1));
        drop(s);
        assert_eq!(log.take(), ["drop after", "drop before"]);
        let mut it = three(&log);
        assert_eq!(it.next(), Some(1));
        drop(it);
        assert_eq!(log.take(), Vec::<String>::new());
    }

    /// A labelled block left with `break 'l value` runs the deferred code inside it.
    #[generator]
    fn labelled_value(log: &Log) -> u32 {
        let v = 'l: {
            defer! {
                log.push("left 'l");
            }
            yield_!(1);
            break 'l 5;
        };
        log.push(format!("v = {v}"));
        yield_!(v);
    }

    #[test]
    fn break_with_a_value_out_of_a_labelled_block() {
        let log = Log::default();
        assert_eq!(labelled_value(&log).collect::<Vec<_>>(), [1, 5]);
        assert_eq!(log.take(), ["left 'l", "v = 5"]);
    }
}

/// Closing a generator that is unstarted, finished or panicked does nothing but mark
/// it finished; a yield reached while closing panics, saying so.
mod close_at_the_edges {
    use super::*;

    #[test]
    fn unstarted_runs_nothing_and_terminates() {
        let log = Log::default();
        let mut s = pin!(forms::async_gen_fn(&log, Exit::End));
        block_on(s.as_mut().aclose());
        assert!(s.is_terminated());
        assert_eq!(block_on(s.next()), None);
        let mut it = forms::generator_fn(&log, Exit::End);
        it.close();
        assert_eq!(it.next(), None);
        assert!(log.take().is_empty());
    }

    #[test]
    fn finished_runs_nothing_more() {
        let log = Log::default();
        let mut s = pin!(forms::stream_block(&log, Exit::Return));
        while block_on(s.next()).is_some() {}
        let ran = log.take();
        block_on(s.as_mut().aclose());
        assert!(log.take().is_empty(), "after {ran:?}");
        let mut it = forms::iter_block(&log, Exit::Break);
        for _ in it.by_ref() {}
        let _ = log.take();
        it.close();
        assert!(log.take().is_empty());
    }

    #[async_gen]
    async fn panics<'a>(log: &'a Log) -> u32 {
        defer! {
            log.push("deferred");
        }
        yield_!(1);
        panic!("boom");
    }

    #[test]
    fn panicked_runs_nothing_and_stays_terminated() {
        let log = Log::default();
        let mut s = pin!(panics(&log));
        assert_eq!(block_on(s.next()), Some(1));
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| block_on(s.next())));
        assert!(caught.is_err());
        block_on(s.as_mut().aclose());
        assert!(s.is_terminated());
        assert_eq!(block_on(s.next()), None);
        assert!(
            log.take().is_empty(),
            "deferred code does not run on a panic"
        );
    }

    #[async_gen]
    async fn stubborn() -> u32 {
        for i in 0..3 {
            defer! {
                continue;
            }
            yield_!(i);
        }
    }

    #[test]
    #[should_panic(expected = "a generator yielded while it was being closed")]
    fn a_yield_while_closing_panics() {
        let mut s = pin!(stubborn());
        assert_eq!(block_on(s.next()), Some(0));
        block_on(s.as_mut().aclose());
    }

    #[generator]
    fn stubborn_sync() -> u32 {
        for i in 0..3 {
            defer! {
                continue;
            }
            yield_!(i);
        }
    }

    #[test]
    #[should_panic(expected = "a generator yielded while it was being closed")]
    fn a_sync_yield_while_closing_panics() {
        let mut it = stubborn_sync();
        assert_eq!(it.next(), Some(0));
        it.close();
    }

    /// Closed after a `next()` future was dropped in the middle of a step inside a
    /// cleanup scope: the step is finished, what it yields is dropped, then the body
    /// leaves.
    #[async_gen]
    async fn slow<'a>(log: &'a Log) -> Rc<u32> {
        defer! {
            log.push("deferred");
        }
        yield_!(Rc::new(0));
        tick().await;
        log.push("step finished");
        yield_!(Rc::new(1));
        log.push("not reached");
    }

    #[test]
    fn a_dropped_next_s_step_is_finished_then_closed() {
        let log = Log::default();
        let mut s = pin!(slow(&log));
        assert_eq!(block_on(s.next()).as_deref(), Some(&0));
        {
            let mut next = pin!(s.next());
            let mut cx = Context::from_waker(Waker::noop());
            assert!(next.as_mut().poll(&mut cx).is_pending());
        }
        block_on(s.as_mut().aclose());
        assert_eq!(log.take(), ["step finished", "deferred"]);
        assert!(s.is_terminated());
    }
}

/// Loops and `yield_from!` close a yieldkit generator they own when they stop early:
/// once, before the code around them goes on; a borrowed one is left open; another
/// stream is dropped.
mod consumers_close_what_they_own {
    use super::*;

    #[async_gen]
    async fn numbers<'a>(log: &'a Log, name: &'static str) -> u32 {
        defer! {
            tick().await;
            log.push(format!("{name} closed"));
        }
        for i in 0..5 {
            yield_!(i);
        }
    }

    #[derive(Clone, Copy)]
    enum Stop {
        Break,
        LabelledBreak,
        Return,
        Question,
    }

    #[for_await]
    async fn consume(log: &Log, stop: Stop) -> Result<u32, String> {
        let mut sum = 0;
        'outer: {
            #[for_await]
            for i in numbers(log, "inner") {
                if i == 2 {
                    match stop {
                        Stop::Break => break,
                        Stop::LabelledBreak => break 'outer,
                        Stop::Return => return Ok(sum),
                        Stop::Question => Err("stopped".to_string())?,
                    }
                }
                sum += i;
            }
            log.push("after the loop");
        }
        log.push("after 'outer");
        Ok(sum)
    }

    #[test]
    fn for_await_closes_on_each_early_exit() {
        let log = Log::default();
        assert_eq!(block_on(consume(&log, Stop::Break)), Ok(1));
        assert_eq!(
            log.take(),
            ["inner closed", "after the loop", "after 'outer"]
        );
        assert_eq!(block_on(consume(&log, Stop::LabelledBreak)), Ok(1));
        assert_eq!(log.take(), ["inner closed", "after 'outer"]);
        assert_eq!(block_on(consume(&log, Stop::Return)), Ok(1));
        assert_eq!(log.take(), ["inner closed"]);
        assert_eq!(
            block_on(consume(&log, Stop::Question)),
            Err("stopped".into())
        );
        assert_eq!(log.take(), ["inner closed"]);
    }

    /// The same loop in an `async` block of a generator's body: the block's own
    /// `break`, labelled `break`, `return` and `?` close the source too.
    #[async_gen]
    async fn in_an_async_block<'a>(log: &'a Log, stop: Stop) -> Result<u32, String> {
        let sum = async {
            let mut sum = 0;
            'outer: {
                #[for_await]
                for i in numbers(log, "inner") {
                    if i == 2 {
                        match stop {
                            Stop::Break => break,
                            Stop::LabelledBreak => break 'outer,
                            Stop::Return => return Ok(sum),
                            Stop::Question => Err("stopped".to_string())?,
                        }
                    }
                    sum += i;
                }
                log.push("after the loop");
            }
            log.push("after 'outer");
            Ok::<u32, String>(sum)
        }
        .await;
        log.push("after the block");
        yield_!(sum);
    }

    #[test]
    fn for_await_in_an_async_block_closes_on_each_early_exit() {
        let log = Log::default();
        let run = |stop| block_on(in_an_async_block(&log, stop).collect::<Vec<_>>());
        assert_eq!(run(Stop::Break), [Ok(1)]);
        assert_eq!(
            log.take(),
            [
                "inner closed",
                "after the loop",
                "after 'outer",
                "after the block"
            ]
        );
        assert_eq!(run(Stop::LabelledBreak), [Ok(1)]);
        assert_eq!(
            log.take(),
            ["inner closed", "after 'outer", "after the block"]
        );
        assert_eq!(run(Stop::Return), [Ok(1)]);
        assert_eq!(log.take(), ["inner closed", "after the block"]);
        assert_eq!(run(Stop::Question), [Err("stopped".into())]);
        assert_eq!(log.take(), ["inner closed", "after the block"]);
    }

    /// In an `async` closure of an ordinary `#[for_await] async fn`, and in an `async`
    /// block nested in it: each closes its own source, once.
    #[for_await]
    async fn in_an_async_closure(log: &Log) -> u32 {
        let first = async |name: &'static str| -> Option<u32> {
            #[for_await]
            for i in numbers(log, name) {
                if i == 1 {
                    let nested = async {
                        #[for_await]
                        for j in numbers(log, "nested") {
                            if j == 2 {
                                return j + 10;
                            }
                        }
                        0
                    }
                    .await;
                    return Some(i + nested);
                }
            }
            None
        };
        first("closure").await.unwrap_or(0)
    }

    #[test]
    fn for_await_in_an_async_closure_closes_on_return() {
        let log = Log::default();
        assert_eq!(block_on(in_an_async_closure(&log)), 13);
        assert_eq!(log.take(), ["nested closed", "closure closed"]);
    }

    /// A `break` written by a macro, which yieldkit does not see expanded, closes the
    /// source too (a loop with a macro call in it is taken to be one that may stop).
    #[for_await]
    async fn macro_break(log: &Log) -> u32 {
        macro_rules! stop_at {
            ($i:expr, $n:expr) => {
                if $i == $n {
                    break;
                }
            };
        }
        let mut sum = 0;
        #[for_await]
        for i in numbers(log, "inner") {
            stop_at!(i, 2);
            sum += i;
        }
        sum
    }

    #[test]
    fn a_break_a_macro_writes_closes_the_source() {
        let log = Log::default();
        assert_eq!(block_on(macro_break(&log)), 1);
        assert_eq!(log.take(), ["inner closed"]);
    }

    /// Run to its end, the source closes itself (its deferred code ran as it fell off
    /// its end): the loop adds no second run.
    #[for_await]
    async fn to_the_end(log: &Log) -> u32 {
        let mut sum = 0;
        #[for_await]
        for i in numbers(log, "inner") {
            sum += i;
        }
        sum
    }

    #[test]
    fn a_source_run_to_its_end_cleans_up_once() {
        let log = Log::default();
        assert_eq!(block_on(to_the_end(&log)), 10);
        assert_eq!(log.take(), ["inner closed"]);
    }

    /// `for await` in `stream!` closes its source on `break`.
    fn first_two(log: &Log) -> impl Stream<Item = u32> + '_ {
        stream! {
            for await i in numbers(log, "inner") {
                if i == 2 {
                    break;
                }
                yield i;
            }
            log.push("after the loop");
        }
    }

    #[test]
    fn for_await_in_a_block_form_closes_on_break() {
        let log = Log::default();
        assert_eq!(block_on(first_two(&log).collect::<Vec<_>>()), [0, 1]);
        assert_eq!(log.take(), ["inner closed", "after the loop"]);
    }

    /// A generator closed while inside a loop over a source, with deferred code around
    /// the loop: the source is closed first, then the outer's deferred code runs.
    #[async_gen]
    async fn outer_over_loop<'a>(log: &'a Log) -> u32 {
        defer! {
            log.push("outer closed");
        }
        #[for_await]
        for i in numbers(log, "inner") {
            yield_!(i * 10);
        }
    }

    #[async_gen]
    async fn outer_delegating<'a>(log: &'a Log) -> u32 {
        defer! {
            log.push("outer closed");
        }
        yield_!(100);
        yield_from!(numbers(log, "inner"));
    }

    #[test]
    fn closing_the_outer_closes_the_inner_first() {
        let log = Log::default();
        let mut s = pin!(outer_over_loop(&log));
        assert_eq!(block_on(s.next()), Some(0));
        block_on(s.as_mut().aclose());
        assert_eq!(log.take(), ["inner closed", "outer closed"]);

        let mut s = pin!(outer_delegating(&log));
        assert_eq!(
            block_on(s.as_mut().take(3).collect::<Vec<_>>()),
            [100, 0, 1]
        );
        block_on(s.as_mut().aclose());
        assert_eq!(log.take(), ["inner closed", "outer closed"]);
        assert!(s.is_terminated());
    }

    /// Without deferred code around the loop, closing the outer drops it, the source
    /// with it: nothing is awaited (the zero-cost rule of the guide).
    #[async_gen]
    async fn outer_without_defer<'a>(log: &'a Log) -> u32 {
        yield_from!(numbers(log, "inner"));
    }

    #[test]
    fn without_deferred_code_around_the_loop_the_source_is_dropped() {
        let log = Log::default();
        let mut s = pin!(outer_without_defer(&log));
        assert_eq!(block_on(s.next()), Some(0));
        block_on(s.as_mut().aclose());
        assert!(log.take().is_empty());
        assert!(s.is_terminated());
    }

    /// A borrowed source is never closed: its owner goes on with it.
    #[for_await]
    async fn borrowing(log: &Log) -> Vec<u32> {
        let mut seen = Vec::new();
        let mut source = pin!(numbers(log, "borrowed"));
        #[for_await]
        for i in source.as_mut() {
            seen.push(i);
            if i == 1 {
                break;
            }
        }
        log.push("loop left");
        while let Some(i) = source.next().await {
            seen.push(i);
        }
        seen
    }

    #[test]
    fn a_borrowed_source_is_left_open() {
        let log = Log::default();
        assert_eq!(block_on(borrowing(&log)), [0, 1, 2, 3, 4]);
        assert_eq!(log.take(), ["loop left", "borrowed closed"]);
    }

    /// A stream that is not a yieldkit generator is dropped, as any value: the
    /// generator inside the adapter is not closed. `aclosing` closes it.
    #[for_await]
    async fn through_an_adapter(log: &Log) -> u32 {
        #[for_await]
        for i in numbers(log, "adapted").map(|i| i + 1) {
            if i == 2 {
                break;
            }
        }
        log.push("dropped");
        yieldkit::aclosing(numbers(log, "aclosing"), async |s| {
            s.take(2).fold(0, |a, b| std::future::ready(a + b)).await
        })
        .await
    }

    #[test]
    fn another_stream_is_dropped_and_aclosing_closes() {
        let log = Log::default();
        assert_eq!(block_on(through_an_adapter(&log)), 1);
        assert_eq!(log.take(), ["dropped", "aclosing closed"]);
    }

    #[generator]
    fn sync_numbers<'a>(log: &'a Log) -> u32 {
        defer! {
            log.push("sync inner closed");
        }
        for i in 0..5 {
            yield_!(i);
        }
    }

    #[generator]
    fn sync_delegating<'a>(log: &'a Log) -> u32 {
        defer! {
            log.push("sync outer closed");
        }
        yield_from!(sync_numbers(log));
    }

    #[test]
    fn a_sync_yield_from_closes_its_generator() {
        let log = Log::default();
        let mut it = sync_delegating(&log);
        assert_eq!(it.by_ref().take(2).collect::<Vec<_>>(), [0, 1]);
        it.close();
        assert_eq!(log.take(), ["sync inner closed", "sync outer closed"]);
        let closed_once = yieldkit::closing(sync_delegating(&log), |it| it.nth(1));
        assert_eq!(closed_once, Some(1));
        assert_eq!(log.take(), ["sync inner closed", "sync outer closed"]);
    }

    /// Each source is closed exactly once, however many consumers stop around it.
    #[test]
    fn exactly_once() {
        let log = Log::default();
        let mut s = Box::pin(outer_over_loop(&log));
        assert_eq!(block_on(s.next()), Some(0));
        block_on(s.as_mut().aclose());
        block_on(s.as_mut().aclose());
        drop(s);
        assert_eq!(log.take(), ["inner closed", "outer closed"]);
    }
}

/// The sent value of an async coroutine no longer has to be an `Option` for `aclose`
/// to run its cleanup; a `return` in deferred code is what `aclose` resolves to.
mod coroutines {
    use super::*;

    #[yieldkit::coroutine(first = first)]
    async fn summing<'a>(log: &'a Log) -> impl AsyncCoroutine<u32, Yield = u32, Return = u32> + 'a {
        let mut sum = first;
        defer! {
            tick().await;
            log.push(format!("sum {sum}"));
            return sum;
        }
        loop {
            sum += yield_!(sum);
        }
    }

    #[test]
    fn aclose_returns_what_deferred_code_returns() {
        let log = Log::default();
        let mut co = pin!(summing(&log));
        block_on(async {
            assert!(matches!(
                co.as_mut().resume(1).await,
                CoroutineState::Yielded(1)
            ));
            assert!(matches!(
                co.as_mut().resume(2).await,
                CoroutineState::Yielded(3)
            ));
            assert_eq!(co.as_mut().aclose().await, Some(3));
            assert_eq!(co.as_mut().aclose().await, None);
        });
        assert_eq!(log.take(), ["sum 3"]);
    }

    #[yieldkit::coroutine]
    fn sub<'a>(log: &'a Log) -> impl Coroutine<(), Yield = u32, Return = u32> + 'a {
        defer! {
            log.push("sub closed");
        }
        for i in 0..5 {
            yield_!(i);
        }
        5
    }

    #[yieldkit::coroutine]
    fn delegating<'a>(log: &'a Log) -> impl Coroutine<(), Yield = u32, Return = u32> + 'a {
        defer! {
            log.push("outer closed");
        }
        yield_from!(sub(log))
    }

    #[yieldkit::coroutine]
    async fn async_sub<'a>(
        log: &'a Log,
    ) -> impl AsyncCoroutine<(), Yield = u32, Return = u32> + 'a {
        defer! {
            tick().await;
            log.push("sub closed");
        }
        for i in 0..5 {
            yield_!(i);
        }
        5
    }

    #[yieldkit::coroutine]
    async fn async_delegating<'a>(
        log: &'a Log,
    ) -> impl AsyncCoroutine<(), Yield = u32, Return = u32> + 'a {
        defer! {
            log.push("outer closed");
        }
        yield_from!(async_sub(log))
    }

    #[test]
    fn closing_a_delegating_coroutine_closes_the_sub_coroutine_first() {
        let log = Log::default();
        let mut co = pin!(delegating(&log));
        assert!(matches!(co.as_mut().resume(()), CoroutineState::Yielded(0)));
        assert!(matches!(co.as_mut().resume(()), CoroutineState::Yielded(1)));
        co.as_mut().close();
        assert_eq!(log.take(), ["sub closed", "outer closed"]);

        let mut co = pin!(async_delegating(&log));
        block_on(async {
            assert!(matches!(
                co.as_mut().resume(()).await,
                CoroutineState::Yielded(0)
            ));
            assert_eq!(co.as_mut().aclose().await, None);
        });
        assert_eq!(log.take(), ["sub closed", "outer closed"]);

        // Run to the end, the sub-coroutine cleans up once, as it completes.
        let mut co = pin!(delegating(&log));
        while let CoroutineState::Yielded(_) = co.as_mut().resume(()) {}
        assert_eq!(log.take(), ["sub closed", "outer closed"]);
    }

    #[test]
    fn an_unstarted_coroutine_closes_to_none() {
        let log = Log::default();
        let mut co = pin!(summing(&log));
        assert_eq!(block_on(co.as_mut().aclose()), None);
        assert!(log.take().is_empty());
    }

    #[test]
    fn a_shared_reference_to_a_closed_generator_sees_it_terminated() {
        let log = Log::default();
        let mut s = pin!(forms::async_gen_fn(&log, Exit::End));
        assert_eq!(block_on(s.next()), Some(Ok(0)));
        block_on(s.as_mut().aclose());
        let shared: &dyn FusedStream<Item = Result<u32, String>> = &*s;
        assert!(shared.is_terminated());
        let _ = log.take();
    }
}

/// `collect!` closes a yieldkit source it owns when it stops before the source's end:
/// a `try` comprehension's first `Err`, in every mode.
mod comprehensions {
    use super::*;
    use yieldkit::collect;

    #[async_gen]
    async fn results<'a>(log: &'a Log) -> Result<u32, String> {
        defer! {
            tick().await;
            log.push("source closed");
        }
        for i in 0..5 {
            yield_!(if i == 2 {
                Err(format!("bad {i}"))
            } else {
                Ok(i)
            });
        }
    }

    #[generator]
    fn sync_results<'a>(log: &'a Log) -> Result<u32, String> {
        defer! {
            log.push("source closed");
        }
        for i in 0..5 {
            yield_!(if i == 2 {
                Err(format!("bad {i}"))
            } else {
                Ok(i)
            });
        }
    }

    #[test]
    fn eager_try_closes_on_the_first_err() {
        let log = Log::default();
        let got: Result<Vec<u32>, String> =
            block_on(async { collect![x for await x in results(&log); try] });
        assert_eq!(got, Err("bad 2".into()));
        assert_eq!(log.take(), ["source closed"]);
        let got: Result<Vec<u32>, String> = collect![x for x in sync_results(&log); try];
        assert_eq!(got, Err("bad 2".into()));
        assert_eq!(log.take(), ["source closed"]);
    }

    #[async_gen]
    async fn in_a_body<'a>(log: &'a Log) -> u32 {
        let got: Result<Vec<u32>, String> = collect![x for await x in results(log); try];
        log.push(format!("{got:?}"));
        let got: Result<Vec<u32>, String> = collect![x for x in sync_results(log); try];
        log.push(format!("{got:?}"));
        yield_!(1);
    }

    #[test]
    fn eager_try_in_a_generator_body_closes_on_the_first_err() {
        let log = Log::default();
        assert_eq!(block_on(in_a_body(&log).collect::<Vec<_>>()), [1]);
        assert_eq!(
            log.take(),
            [
                "source closed",
                "Err(\"bad 2\")",
                "source closed",
                "Err(\"bad 2\")"
            ]
        );
    }

    #[test]
    fn lazy_try_closes_on_the_first_err() {
        let log = Log::default();
        let got: Vec<Result<u32, String>> =
            block_on(collect![x for await x in results(&log); stream, try].collect());
        assert_eq!(got, [Ok(0), Ok(1), Err("bad 2".into())]);
        assert_eq!(log.take(), ["source closed"]);
        let got: Vec<Result<u32, String>> =
            collect![x for x in sync_results(&log); iter, try].collect();
        assert_eq!(got, [Ok(0), Ok(1), Err("bad 2".into())]);
        assert_eq!(log.take(), ["source closed"]);
    }

    #[test]
    fn buffered_try_closes_on_the_first_err() {
        let log = Log::default();
        for ordered in [true, false] {
            let got: Result<Vec<u32>, String> = block_on(async {
                if ordered {
                    collect![async move { x }.await for await x in results(&log); buffered(2), try]
                } else {
                    collect![async move { x }.await for x in sync_results(&log); buffer_unordered(2), try]
                }
            });
            assert_eq!(got, Err("bad 2".into()));
            assert_eq!(log.take(), ["source closed"], "ordered: {ordered}");
        }
    }
    /// The lazy buffered form: the first `Err` is handed out after the producer has
    /// stopped and closed its sources (the futures in flight are dropped, unpolled
    /// again); nothing comes after it.
    #[test]
    fn lazy_buffered_try_closes_on_the_first_err() {
        let log = Log::default();
        for ordered in [true, false] {
            let got: Vec<Result<u32, String>> = block_on(async {
                if ordered {
                    collect![async move { x }.await for await x in results(&log); stream, buffered(2), try]
                        .collect()
                        .await
                } else {
                    collect![async move { x }.await for x in sync_results(&log); stream, buffer_unordered(1), try]
                        .collect()
                        .await
                }
            });
            assert_eq!(
                got,
                [Ok(0), Ok(1), Err("bad 2".into())],
                "ordered: {ordered}"
            );
            assert_eq!(log.take(), ["source closed"], "ordered: {ordered}");
        }
    }

    /// The stream it makes stays `Send` (the flag it shares with its producer is an
    /// `Arc<AtomicBool>`), and a drop before the end closes nothing (a dropped stream
    /// runs no deferred code).
    #[test]
    fn lazy_buffered_try_is_send_and_a_drop_closes_nothing() {
        fn is_send<T: Send>(_: &T) {}
        let numbers = collect![async move { Ok::<u32, String>(x) }.await for x in 0..3u32; stream, buffered(2), try];
        is_send(&numbers);
        let got: Vec<Result<u32, String>> = block_on(numbers.collect());
        assert_eq!(got, [Ok(0), Ok(1), Ok(2)]);
        let log = Log::default();
        let mut s = Box::pin(
            collect![async move { x }.await for await x in results(&log); stream, buffered(1), try],
        );
        assert_eq!(block_on(s.next()), Some(Ok(0)));
        drop(s);
        assert!(log.take().is_empty());
    }
}
