//! Attacks on the yield handle that compile, run under Miri: each must be harmless.
//!
//! The ones that must not compile are in `ui/soundness/`. What is left here is what
//! safe code can legally do with a handle it captured from a rewritten yield (through
//! a user macro) inside the generator's own body: use it on a scoped thread, in an
//! `async` block, from a destructor, after the body is done with it. Every value
//! yielded must be handed out or dropped, exactly once, and nothing may touch freed
//! memory or race (Miri checks both, under Stacked and Tree Borrows).

// On purpose: this is what hostile code writes.
#![allow(clippy::redundant_closure_call, clippy::forget_non_drop)]

use std::cell::{Cell, RefCell};
use std::future::{Future, poll_fn};
use std::pin::{Pin, pin};
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use futures::StreamExt;
use yieldkit::{AsyncCoroutine, CoroutineState, Yielder, async_gen, generator, stream};

// The runtime's test fixtures: `Counted`, `PendingOnce`, `poll_once`.
#[path = "../../runtime/tests/common/mod.rs"]
mod common;
use common::{Counted, PendingOnce, poll_once};

/// Picks the handle out of a rewritten yield
/// (`(match (v) { x => { if false {..} let x: T = x; handle.yield_(x).await } })`), as a hostile
/// `macro_rules!` can: the yield itself is dropped.
macro_rules! grab {
    ((match $value:tt { $bound:ident => { if false $guard:tt let $($typed:tt)* } })) => {
        grab!(@typed $($typed)*)
    };
    ((match $value:tt { $bound:ident => { if false $guard:tt $handle:ident . $($rest:tt)* } })) => {
        $handle
    };
    (@typed $bound:ident : $item:ty = $moved:ident ; $handle:ident . $($rest:tt)*) => {
        $handle
    };
}

/// Takes a rewritten yield apart without its guard and puts it in an `async` block:
/// a yield inside an async block, which the guard exists to reject.
macro_rules! strip_guard_into_async_block {
    ((match $value:tt { $bound:ident => { if false $guard:tt $($yield:tt)* } })) => {
        async { match $value { $bound => { $($yield)* } } }
    };
}

/// A destructor that yields through a handle it owns: it runs while the runtime drops
/// the body.
struct YieldOnDrop<'b>(Yielder<'b, Counted>, Rc<Cell<u32>>);

impl Drop for YieldOnDrop<'_> {
    fn drop(&mut self) {
        drop(self.0.yield_(Counted(99, self.1.clone())));
    }
}

mod handle_on_a_scoped_thread {
    use super::*;

    #[async_gen]
    async fn yields_from_a_scoped_thread() -> u32 {
        let mut handle = grab!(yield_!(0));
        std::thread::scope(|scope| {
            scope.spawn(|| {
                // The thread is joined before the body goes on: the value sits in the
                // slot, and the generator hands it out at the next suspension.
                drop(handle.yield_(7));
            });
        });
        PendingOnce(false).await;
        handle.yield_(8).await;
    }

    #[test]
    fn the_value_is_handed_out_after_the_join() {
        let items: Vec<u32> = futures::executor::block_on(yields_from_a_scoped_thread().collect());
        assert_eq!(items, [7, 8]);
    }
}

mod guard_taken_apart {
    use super::*;

    #[async_gen]
    async fn yields_from_an_async_block() -> u32 {
        let fut = strip_guard_into_async_block!(yield_!(1));
        fut.await;
        yield_!(2);
    }

    #[test]
    fn a_yield_in_an_async_block_awaited_in_the_body_is_an_ordinary_yield() {
        let items: Vec<u32> = futures::executor::block_on(yields_from_an_async_block().collect());
        assert_eq!(items, [1, 2]);
    }

    /// The async-stream #106 shape: a yield in an `async` block, awaited inside a
    /// *different* generator. The handle still writes its own generator's slot, with
    /// its own item type, and that generator hands the value out.
    #[async_gen]
    async fn awaited_in_another_generator() -> String {
        let outer_yield = strip_guard_into_async_block!(yield_!(String::from("outer")));
        let inner = stream! {
            outer_yield.await;
            yield 2u64;
        };
        let inner: Vec<u64> = inner.collect().await;
        yield_!(format!("inner yielded {inner:?}"));
    }

    #[test]
    fn a_yield_awaited_in_another_generator_reaches_its_own() {
        let items: Vec<String> =
            futures::executor::block_on(awaited_in_another_generator().collect());
        assert_eq!(items, ["outer", "inner yielded [2]"]);
    }

    /// A captured handle used from a closure, the way a `?` whose exit a macro took
    /// apart would: the error is stored, then overwritten by the next yield and
    /// dropped. Wrong, but only as wrong as the macro made it: nothing is lost twice.
    #[async_gen]
    async fn residual_from_a_closure(drops: Rc<Cell<u32>>) -> Result<Counted, Counted> {
        let mut handle = grab!(yield_!(Ok(Counted(0, drops.clone()))));
        (|| {
            handle.yield_last(Err(Counted(1, drops.clone())));
        })();
        handle.yield_(Ok(Counted(2, drops.clone()))).await;
    }

    #[test]
    fn a_residual_stored_from_a_closure_is_dropped_once() {
        let drops = Rc::new(Cell::new(0));
        let items: Vec<_> =
            futures::executor::block_on(residual_from_a_closure(drops.clone()).collect());
        assert!(matches!(items[..], [Ok(Counted(2, _))]), "{items:?}");
        assert_eq!(drops.get(), 1, "the overwritten error");
        drop(items);
        assert_eq!(drops.get(), 2);
    }
}

mod nested_generators {
    use super::*;

    /// The `?` in a lazy comprehension belongs to the generator the comprehension
    /// builds, not to the one whose body it is written in.
    #[generator]
    fn outer(words: Vec<&'static str>) -> Result<u32, std::num::ParseIntError> {
        // (The braces once made the outer rewriter take the `?` for its own.)
        let parsed = yieldkit::collect![{ Ok(w.parse::<u32>()?) } for w in words; iter];
        for item in parsed {
            yield_!(item);
        }
        yield_!(Ok(99));
    }

    #[test]
    fn a_lazy_comprehension_owns_its_question_marks() {
        let items: Vec<_> = outer(vec!["1", "x", "3"]).collect();
        assert_eq!(items.len(), 3, "{items:?}");
        assert_eq!(items[0], Ok(1));
        assert!(items[1].is_err());
        assert_eq!(items[2], Ok(99));
    }

    /// An inner generator that holds the outer handle yields into the outer
    /// generator, which is the one polling it.
    #[async_gen]
    async fn inner_borrows_outer_handle() -> u32 {
        let mut handle = grab!(yield_!(0));
        let outer = &mut handle;
        let inner = stream! {
            outer.yield_(1).await;
            yield 10u32;
        };
        let inner: Vec<u32> = inner.collect().await;
        assert_eq!(inner, [10]);
        handle.yield_(2).await;
    }

    #[test]
    fn an_inner_generator_yielding_through_the_outer_handle() {
        let items: Vec<u32> = futures::executor::block_on(inner_borrows_outer_handle().collect());
        assert_eq!(items, [1, 2]);
    }
}

mod destructors_that_yield {
    use super::*;

    #[async_gen]
    async fn guarded(drops: Rc<Cell<u32>>, panic: bool) -> Counted {
        let handle = grab!(yield_!(Counted(0, drops.clone())));
        let mut guard = YieldOnDrop(handle, drops.clone());
        guard.0.yield_(Counted(1, drops.clone())).await;
        assert!(!panic, "the body panics");
        guard.0.yield_(Counted(2, drops.clone())).await;
    }

    #[test]
    fn dropped_mid_body() {
        let drops = Rc::new(Cell::new(0));
        {
            let mut s = pin!(guarded(drops.clone(), false));
            let first = poll_once(s.as_mut());
            assert!(matches!(first, Poll::Ready(Some(Counted(1, _)))));
        }
        // `1` (handed out, dropped with `first`) and `99` (yielded while the body was
        // dropped, dropped with the slot).
        assert_eq!(drops.get(), 2);
    }

    #[test]
    fn finished_normally() {
        let drops = Rc::new(Cell::new(0));
        let items: Vec<Counted> =
            futures::executor::block_on(guarded(drops.clone(), false).collect());
        // The destructor ran as the body ended: its value is the last item.
        assert_eq!(items.iter().map(|c| c.0).collect::<Vec<_>>(), [1, 2, 99]);
        drop(items);
        assert_eq!(drops.get(), 3);
    }

    #[test]
    fn panicked() {
        let drops = Rc::new(Cell::new(0));
        let mut s = Box::pin(guarded(drops.clone(), true));
        assert!(matches!(
            poll_once(s.as_mut()),
            Poll::Ready(Some(Counted(1, _)))
        ));
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = poll_once(s.as_mut());
        }));
        assert!(panicked.is_err());
        assert!(matches!(poll_once(s.as_mut()), Poll::Ready(None)));
        drop(s);
        // `1`, and `99` from the destructor that ran while unwinding.
        assert_eq!(drops.get(), 2);
    }

    /// Uses the `await` keyword of a rewritten yield to await something else in a
    /// sync generator's body, past the rewriter's check.
    macro_rules! await_with {
        ($fut:expr, (match $value:tt {
            $bound:ident => {
                if false $guard:tt
                let $typed:ident : $item:ty = $moved:ident ;
                $handle:ident . $method:ident $args:tt . $await:tt
            }
        })) => {
            ($fut).$await
        };
    }

    #[generator]
    fn sync_body_that_awaits(drops: Rc<Cell<u32>>) -> Counted {
        let handle = grab!(yield_!(Counted(0, drops.clone())));
        let mut guard = YieldOnDrop(handle, drops.clone());
        let not_a_yield = guard.0.yield_(Counted(1, drops.clone()));
        drop(not_a_yield);
        // A future that is not a yield: at the next `next()`, the body is pending
        // without a value, and the generator drops it and panics.
        await_with!(
            poll_fn(|_| Poll::<()>::Pending),
            yield_!(Counted(0, drops.clone()))
        );
    }

    #[test]
    fn sync_generator_dropped_by_the_runtime() {
        let drops = Rc::new(Cell::new(0));
        let mut g = sync_body_that_awaits(drops.clone());
        // The body's first step yields `1` (its future dropped, the value still in the
        // slot) and waits: that is handed out.
        let first = g.next();
        assert!(matches!(first, Some(Counted(1, _))));
        drop(first);
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.next()));
        assert!(panicked.is_err());
        assert!(g.next().is_none());
        drop(g);
        assert_eq!(drops.get(), 2);
    }

    struct CoYieldOnDrop<'b>(yieldkit::CoYielder<'b, Counted, ()>, Rc<Cell<u32>>);

    impl Drop for CoYieldOnDrop<'_> {
        fn drop(&mut self) {
            drop(self.0.yield_(Counted(99, self.1.clone())));
        }
    }

    #[yieldkit::coroutine]
    async fn coroutine(
        drops: Rc<Cell<u32>>,
    ) -> impl AsyncCoroutine<(), Yield = Counted, Return = ()> {
        let handle = grab!(yield_!(Counted(0, drops.clone())));
        let mut guard = CoYieldOnDrop(handle, drops.clone());
        guard.0.yield_(Counted(1, drops.clone())).await;
        guard.0.yield_(Counted(2, drops.clone())).await;
    }

    #[test]
    fn coroutine_dropped_mid_body() {
        let drops = Rc::new(Cell::new(0));
        {
            let mut co = pin!(coroutine(drops.clone()));
            assert!(matches!(
                futures::executor::block_on(co.as_mut().resume(())),
                CoroutineState::Yielded(Counted(1, _))
            ));
        }
        assert_eq!(drops.get(), 2);
    }
}

mod other_misuse {
    use super::*;

    macro_rules! break_to_its_label {
        ((match $value:tt { $bound:ident => {
            if false { loop { break $label:lifetime; } } $($rest:tt)*
        } })) => {
            break $label
        };
    }

    /// The body's label, captured and broken to: the body ends, like `return`.
    #[async_gen]
    async fn breaks_out_of_the_body() -> u32 {
        yield_!(1);
        break_to_its_label!(yield_!(2));
    }

    #[test]
    fn breaking_to_the_captured_label_ends_the_body() {
        let items: Vec<u32> = futures::executor::block_on(breaks_out_of_the_body().collect());
        assert_eq!(items, [1]);
    }

    /// A yield's future forgotten, another polled twice in one step.
    #[async_gen]
    async fn odd_yields(drops: Rc<Cell<u32>>) -> Counted {
        let mut handle = grab!(yield_!(Counted(0, drops.clone())));
        std::mem::forget(handle.yield_(Counted(1, drops.clone())));
        let mut twice = pin!(handle.yield_(Counted(2, drops.clone())));
        poll_fn(|cx| {
            assert!(twice.as_mut().poll(cx).is_pending());
            twice.as_mut().poll(cx)
        })
        .await;
        PendingOnce(false).await;
    }

    #[test]
    fn forgotten_and_twice_polled_yields_hand_out_or_drop_once() {
        let drops = Rc::new(Cell::new(0));
        let items: Vec<Counted> = futures::executor::block_on(odd_yields(drops.clone()).collect());
        // `1` was overwritten (dropped) by `2`, which the real wait handed out.
        assert_eq!(items.iter().map(|c| c.0).collect::<Vec<_>>(), [2]);
        assert_eq!(drops.get(), 1);
        drop(items);
        assert_eq!(drops.get(), 2);
    }

    /// `&` to a generator between polls (`is_terminated`, `Debug`), while its body
    /// holds a mutable borrow of one of its own locals across a yield.
    #[test]
    fn shared_references_between_polls_leave_the_body_s_borrows_alone() {
        use futures_core::FusedStream;
        let mut s = pin!(stream! {
            let mut text = String::new();
            let borrowed = &mut text;
            borrowed.push('a');
            yield 1usize;
            borrowed.push('b');
            yield text.len();
        });
        assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(1)));
        assert!(!s.is_terminated());
        assert!(format!("{s:?}").contains("running"));
        assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(2)));
        assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
        assert!(s.is_terminated());
    }

    /// A body that tries to poll its own generator finds it borrowed.
    #[test]
    fn a_body_cannot_reach_its_own_generator() {
        type Boxed = Pin<Box<dyn futures_core::Stream<Item = u32>>>;
        let cell: Rc<RefCell<Option<Boxed>>> = Rc::new(RefCell::new(None));
        let inner = cell.clone();
        let s: Boxed = Box::pin(stream! {
            let again = inner.try_borrow_mut().map(|_| ()).is_ok();
            yield u32::from(again);
        });
        *cell.borrow_mut() = Some(s);
        let first = poll_once(cell.borrow_mut().as_mut().unwrap().as_mut());
        assert_eq!(first, Poll::Ready(Some(0)));
        // Break the cycle.
        cell.borrow_mut().take();
    }

    /// A closure handed to the public constructor by hand keeps its token past the
    /// generator: it can do nothing with it.
    #[test]
    fn a_token_kept_past_its_generator_is_inert() {
        let kept = Rc::new(RefCell::new(None));
        let keep = kept.clone();
        let mut s = pin!(yieldkit::AsyncGen::new(
            move |token: yieldkit::YieldToken<u32>| {
                *keep.borrow_mut() = Some(token);
                async {}
            }
        ));
        assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
        assert!(kept.borrow().is_some());
        assert_eq!(
            format!("{:?}", kept.borrow().as_ref().unwrap()),
            "YieldToken { .. }"
        );
    }
}

mod threads {
    use super::*;

    #[async_gen]
    async fn numbers(n: u32) -> u32 {
        for i in 0..n {
            PendingOnce(false).await;
            yield_!(i);
        }
    }

    /// A stream moved between threads between polls: its body, handle and slot move
    /// together.
    #[test]
    fn polled_on_one_thread_then_another() {
        let mut s = Box::pin(numbers(4));
        let mut seen = Vec::new();
        for _ in 0..4 {
            let (s2, got) = std::thread::spawn(move || {
                let mut got = Vec::new();
                for _ in 0..2 {
                    if let Poll::Ready(Some(x)) = poll_once(s.as_mut()) {
                        got.push(x);
                    }
                }
                (s, got)
            })
            .join()
            .unwrap();
            s = s2;
            seen.extend(got);
        }
        assert_eq!(seen, [0, 1, 2, 3]);
    }
}

mod coroutine_state_machine {
    use super::*;

    #[yieldkit::coroutine(first = first)]
    async fn cleans_up(
        log: Rc<RefCell<Vec<String>>>,
    ) -> impl AsyncCoroutine<Option<u32>, Yield = u32, Return = &'static str> {
        let mut sent = first;
        defer! {
            PendingOnce(false).await;
            log.borrow_mut().push(String::from("cleaned up"));
        }
        while let Some(x) = sent {
            PendingOnce(false).await;
            sent = yield_!(x * 10);
        }
        "finished"
    }

    fn block_on<F: Future>(f: F) -> F::Output {
        futures::executor::block_on(f)
    }

    /// A `resume` future dropped mid-step (its body waiting on something else), then
    /// `aclose`: the step is finished, its yield dropped, then the body leaves from
    /// the next yield.
    #[test]
    fn aclose_after_a_dropped_resume_finishes_the_step_then_closes() {
        let log = Rc::new(RefCell::new(Vec::new()));
        let mut co = pin!(cleans_up(log.clone()));
        assert_eq!(
            block_on(co.as_mut().resume(Some(1))),
            CoroutineState::Yielded(10)
        );
        {
            let mut resume = pin!(co.as_mut().resume(Some(2)));
            let polled = resume
                .as_mut()
                .poll(&mut Context::from_waker(Waker::noop()));
            assert!(polled.is_pending(), "the body waits inside the step");
        }
        assert_eq!(block_on(co.as_mut().aclose()), None);
        assert_eq!(*log.borrow(), ["cleaned up"]);
        assert_eq!(block_on(co.as_mut().aclose()), None);
    }

    #[test]
    fn a_new_resume_while_a_dropped_one_left_the_step_is_already_running() {
        let mut co = pin!(cleans_up(Rc::default()));
        assert_eq!(
            block_on(co.as_mut().resume(Some(1))),
            CoroutineState::Yielded(10)
        );
        {
            let mut resume = pin!(co.as_mut().resume(Some(2)));
            let _ = resume
                .as_mut()
                .poll(&mut Context::from_waker(Waker::noop()));
        }
        let panic = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            block_on(co.as_mut().resume(Some(3)))
        }))
        .unwrap_err();
        let message = panic.downcast_ref::<&str>().unwrap();
        assert!(message.contains("already running"), "{message}");
    }

    #[test]
    fn a_resume_future_polled_after_completion_panics() {
        let mut co = pin!(cleans_up(Rc::default()));
        let mut resume = pin!(co.as_mut().resume(Some(1)));
        let waker = Waker::noop();
        let mut cx = Context::from_waker(waker);
        let mut polls = 0;
        while resume.as_mut().poll(&mut cx).is_pending() {
            polls += 1;
            assert!(polls < 10);
        }
        let panic = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = resume.as_mut().poll(&mut cx);
        }))
        .unwrap_err();
        let message = panic.downcast_ref::<&str>().unwrap();
        assert!(message.contains("polled after it completed"), "{message}");
    }

    /// Deferred code that panics: the close panics, the coroutine is finished, and
    /// its state dropped once.
    #[yieldkit::coroutine(first = first)]
    async fn panics_in_cleanup(
        drops: Rc<Cell<u32>>,
    ) -> impl AsyncCoroutine<u32, Yield = u32, Return = u32> {
        let _counted = Counted(0, drops);
        let n = first;
        defer! {
            PendingOnce(false).await;
            panic!("cleanup panics");
        }
        loop {
            let _ = yield_!(n);
        }
    }

    #[test]
    fn a_panic_in_deferred_code_finishes_the_coroutine() {
        let drops = Rc::new(Cell::new(0));
        let mut co = pin!(panics_in_cleanup(drops.clone()));
        assert_eq!(block_on(co.as_mut().resume(1)), CoroutineState::Yielded(1));
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            block_on(co.as_mut().aclose())
        }));
        assert!(panicked.is_err());
        assert_eq!(drops.get(), 1);
        // Polled by hand: a coroutine left waiting would hang `block_on`.
        let mut close = pin!(co.as_mut().aclose());
        let polled = close.as_mut().poll(&mut Context::from_waker(Waker::noop()));
        assert_eq!(polled, Poll::Ready(None));
        assert_eq!(drops.get(), 1);
    }

    /// A resume slipped into the middle of an `aclose` would hand out what the body
    /// yields after it was told to close, and leave `aclose` waiting forever.
    #[test]
    fn a_resume_while_closing_panics() {
        let mut co = pin!(cleans_up(Rc::default()));
        assert_eq!(
            block_on(co.as_mut().resume(Some(1))),
            CoroutineState::Yielded(10)
        );
        {
            let mut close = pin!(co.as_mut().aclose());
            let polled = close.as_mut().poll(&mut Context::from_waker(Waker::noop()));
            assert!(polled.is_pending(), "the cleanup waits");
        }
        let panic = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = co
                .as_mut()
                .poll_resume(&mut Context::from_waker(Waker::noop()), &mut None);
        }))
        .unwrap_err();
        let message = panic.downcast_ref::<&str>().unwrap();
        assert!(
            message.contains("while `aclose` is closing it"),
            "{message}"
        );
        // `aclose` itself goes on.
        assert_eq!(block_on(co.as_mut().aclose()), None);
    }

    #[test]
    fn poll_resume_without_a_value_panics_clearly() {
        let mut co = pin!(cleans_up(Rc::default()));
        assert_eq!(
            block_on(co.as_mut().resume(Some(1))),
            CoroutineState::Yielded(10)
        );
        let panic = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _ = co
                .as_mut()
                .poll_resume(&mut Context::from_waker(Waker::noop()), &mut None);
        }))
        .unwrap_err();
        let message = panic.downcast_ref::<&str>().unwrap();
        assert!(message.contains("without a value"), "{message}");
    }
}

/// Attacks on the close path (`aclose()` / `close()` and the cleanup scopes of
/// `defer!`): the handle smuggled into deferred code through a user macro, its cleanup
/// calls made out of place, a region's label broken to with a wrong exit, closes from
/// destructors and half-done closes shared across threads. Each must end in the
/// documented behaviour or a clear panic, with every value dropped exactly once.
mod close_path {
    use super::*;
    use futures_core::FusedStream;
    use yieldkit::{AsyncCloseExt, Close};

    /// Defines `$name!()` as the handle picked out of a rewritten yield (whose own
    /// tokens are dropped): the handle's name, with the hygiene it has in the body, for
    /// code the rewriter does not see as a yield, such as deferred code.
    macro_rules! smuggle {
        ($name:ident, (match $value:tt { $bound:ident => { if false $guard:tt
            let $typed:ident : $item:ty = $moved:ident ; $handle:ident . $($rest:tt)* } })) => {
            macro_rules! $name {
                () => {
                    $handle
                };
            }
        };
    }

    /// Finds the first `break 'label` in a rewritten `?` (the jump to the cleanup
    /// region it is in) and breaks to that label with the exit code `$code`, without
    /// the error the `?` stores for its own code.
    macro_rules! break_region {
        (@find $code:literal; break $label:lifetime $($rest:tt)*) => {
            break $label ::core::ops::ControlFlow::Break($code)
        };
        (@find $code:literal; ( $($inner:tt)* ) $($rest:tt)*) => {
            break_region!(@find $code; $($inner)* $($rest)*)
        };
        (@find $code:literal; { $($inner:tt)* } $($rest:tt)*) => {
            break_region!(@find $code; $($inner)* $($rest)*)
        };
        (@find $code:literal; $other:tt $($rest:tt)*) => {
            break_region!(@find $code; $($rest)*)
        };
    }

    macro_rules! break_region_with {
        ($code:literal, $($question:tt)*) => { break_region!(@find $code; $($question)*) };
    }

    fn caught_message(f: impl FnOnce()) -> String {
        let panic = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_err();
        panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap()
    }

    /// Deferred code that yields through the smuggled handle.
    #[async_gen]
    async fn yields_in_deferred_code(drops: Rc<Cell<u32>>) -> Counted {
        smuggle!(handle, yield_!(Counted(0, drops.clone())));
        defer! {
            handle!().yield_(Counted(7, drops.clone())).await;
        }
        yield_!(Counted(1, drops.clone()));
    }

    #[test]
    fn deferred_code_yielding_on_the_way_out_is_an_ordinary_yield() {
        let drops = Rc::new(Cell::new(0));
        let items: Vec<Counted> =
            futures::executor::block_on(yields_in_deferred_code(drops.clone()).collect());
        assert_eq!(items.iter().map(|c| c.0).collect::<Vec<_>>(), [1, 7]);
        drop(items);
        assert_eq!(drops.get(), 2);
    }

    #[test]
    fn deferred_code_yielding_while_closed_panics_and_drops_the_value_once() {
        let drops = Rc::new(Cell::new(0));
        let mut s = pin!(yields_in_deferred_code(drops.clone()));
        assert!(matches!(
            poll_once(s.as_mut()),
            Poll::Ready(Some(Counted(1, _)))
        ));
        assert_eq!(drops.get(), 1);
        let message = caught_message(|| futures::executor::block_on(s.as_mut().aclose()));
        assert!(
            message.contains("yielded while it was being closed"),
            "{message}"
        );
        assert_eq!(
            drops.get(),
            2,
            "the value yielded while closing, dropped once"
        );
        assert!(s.is_terminated());
        assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
        futures::executor::block_on(s.as_mut().aclose());
        assert_eq!(drops.get(), 2);
    }

    /// A cleanup scope entered by hand and never left, in a body with no `defer!`: a
    /// close polls the body, whose yields do not check for it; the generator drops
    /// what they yield, then the body ends, or the second ignored yield panics.
    #[generator]
    fn entered_by_hand(drops: Rc<Cell<u32>>, yields: u32) -> Counted {
        smuggle!(handle, yield_!(Counted(0, drops.clone())));
        handle!().enter_cleanup();
        for _ in 0..1000 {
            handle!().leave_cleanup(); // more leaves than entries: saturates at none
        }
        handle!().enter_cleanup();
        for i in 1..=yields {
            yield_!(Counted(i, drops.clone()));
        }
    }

    #[test]
    fn out_of_place_cleanup_calls_end_in_a_finished_body_or_a_clear_panic() {
        let drops = Rc::new(Cell::new(0));
        let mut it = entered_by_hand(drops.clone(), 2);
        assert_eq!(it.next().map(|c| c.0), Some(1));
        it.close(); // `2` yielded and dropped, then the body ran to its end
        assert_eq!(drops.get(), 2);
        assert!(it.next().is_none());

        let mut it = entered_by_hand(drops.clone(), 5);
        assert_eq!(it.next().map(|c| c.0), Some(1));
        let message = caught_message(|| it.close());
        assert!(
            message.contains("yielded while it was being closed"),
            "{message}"
        );
        assert_eq!(drops.get(), 5, "`1`, and `2` and `3` dropped by the close");
        assert!(it.next().is_none());
        drop(it);
        assert_eq!(drops.get(), 5);
    }

    /// 256 cleanup scopes entered by hand: the 256th panics, and the panic ends the
    /// generator.
    #[async_gen]
    async fn too_deep(drops: Rc<Cell<u32>>) -> Counted {
        smuggle!(handle, yield_!(Counted(0, drops.clone())));
        yield_!(Counted(1, drops.clone()));
        for _ in 0..256 {
            handle!().enter_cleanup();
        }
        yield_!(Counted(2, drops.clone()));
    }

    #[test]
    fn more_than_255_cleanup_scopes_panic_clearly() {
        let drops = Rc::new(Cell::new(0));
        let mut s = pin!(too_deep(drops.clone()));
        assert!(matches!(
            poll_once(s.as_mut()),
            Poll::Ready(Some(Counted(1, _)))
        ));
        let message = caught_message(|| {
            let _ = poll_once(s.as_mut());
        });
        assert!(
            message.contains("more than 255 cleanup scopes"),
            "{message}"
        );
        assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
        futures::executor::block_on(s.as_mut().aclose());
        assert_eq!(drops.get(), 1);
    }

    /// A region's label, picked out of a `?` and broken to with every exit code: each
    /// either is an exit the region knows that needs no stored value (the close's,
    /// which leaves like `return`) or panics naming the dead branch: never a read of
    /// an exit value nobody stored. The deferred code runs first either way.
    #[async_gen]
    async fn wrong_exit(drops: Rc<Cell<u32>>, code: u8) -> Result<Counted, u32> {
        defer! {
            drop(Counted(50, drops.clone()));
        }
        yield_!(Ok(Counted(1, drops.clone())));
        match code {
            0 => break_region_with!(0, Err(0)?),
            1 => break_region_with!(1, Err(0)?),
            2 => break_region_with!(2, Err(0)?),
            _ => break_region_with!(255, Err(0)?),
        }
    }

    #[test]
    fn a_region_s_label_broken_to_with_a_wrong_exit_returns_or_panics() {
        let (mut returned, mut panicked) = (0, 0);
        for code in 0..4 {
            let drops = Rc::new(Cell::new(0));
            let mut s = pin!(wrong_exit(drops.clone(), code));
            assert!(matches!(
                poll_once(s.as_mut()),
                Poll::Ready(Some(Ok(Counted(1, _))))
            ));
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                poll_once(s.as_mut()).map(|item| item.is_none())
            }));
            match outcome {
                Ok(Poll::Ready(true)) => returned += 1,
                Ok(other) => panic!("exit {code}: {other:?}"),
                Err(panic) => {
                    let message = panic.downcast_ref::<&str>().copied().unwrap_or_default();
                    assert!(message.contains("a dead branch"), "{message}");
                    panicked += 1;
                }
            }
            // The item, and the deferred code's `50`.
            assert_eq!(drops.get(), 2, "exit {code}");
            assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
        }
        assert_eq!((returned, panicked), (1, 3));
    }

    /// A value that closes the generator it owns when it is dropped.
    struct ClosesOnDrop<S: yieldkit::AsyncClose>(Pin<Box<S>>);

    impl<S: yieldkit::AsyncClose> Drop for ClosesOnDrop<S> {
        fn drop(&mut self) {
            futures::executor::block_on(self.0.as_mut().aclose());
        }
    }

    #[async_gen]
    async fn cleans_up(drops: Rc<Cell<u32>>) -> Counted {
        defer! {
            PendingOnce(false).await;
            drop(Counted(50, drops.clone()));
        }
        yield_!(Counted(1, drops.clone()));
        PendingOnce(false).await;
        yield_!(Counted(2, drops.clone()));
    }

    #[test]
    fn closed_from_a_destructor_mid_step_and_while_unwinding() {
        let drops = Rc::new(Cell::new(0));
        {
            let mut owner = ClosesOnDrop(Box::pin(cleans_up(drops.clone())));
            assert!(matches!(
                poll_once(owner.0.as_mut()),
                Poll::Ready(Some(Counted(1, _)))
            ));
            // Left in the middle of a step: the close finishes it, drops its `2`.
            assert!(poll_once(owner.0.as_mut()).is_pending());
        }
        assert_eq!(drops.get(), 3, "`1`, `2` and the deferred `50`");

        let drops = Rc::new(Cell::new(0));
        let unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut owner = ClosesOnDrop(Box::pin(cleans_up(drops.clone())));
            let _ = poll_once(owner.0.as_mut());
            panic!("the consumer panics");
        }));
        assert!(unwound.is_err());
        assert_eq!(drops.get(), 2, "closed while unwinding: `1` and `50`");
    }

    /// A value yielded in the step a close finishes, whose destructor panics: the
    /// panic leaves the close; the next close (and the drop) finish it, nothing is
    /// dropped twice.
    struct PanicsOnDrop(Rc<Cell<u32>>);

    impl Drop for PanicsOnDrop {
        fn drop(&mut self) {
            self.0.set(self.0.get() + 1);
            if self.0.get() == 1 {
                panic!("a yielded value's destructor panics");
            }
        }
    }

    #[async_gen]
    async fn yields_a_bomb(drops: Rc<Cell<u32>>, deferred: Rc<Cell<u32>>) -> PanicsOnDrop {
        defer! {
            deferred.set(deferred.get() + 1);
        }
        yield_!(PanicsOnDrop(Rc::new(Cell::new(1))));
        PendingOnce(false).await;
        yield_!(PanicsOnDrop(drops.clone()));
    }

    #[test]
    fn a_panicking_destructor_of_a_dropped_yield_leaves_a_close_that_can_be_finished() {
        let (drops, deferred) = (Rc::new(Cell::new(0)), Rc::new(Cell::new(0)));
        let mut s = Box::pin(yields_a_bomb(drops.clone(), deferred.clone()));
        let first = poll_once(s.as_mut());
        assert!(matches!(first, Poll::Ready(Some(_))));
        drop(first);
        assert!(poll_once(s.as_mut()).is_pending());
        let message = caught_message(|| futures::executor::block_on(s.as_mut().aclose()));
        assert!(message.contains("destructor panics"), "{message}");
        assert_eq!(drops.get(), 1);
        futures::executor::block_on(s.as_mut().aclose());
        drop(s);
        assert_eq!(drops.get(), 1, "dropped once");
        assert!(deferred.get() <= 1, "deferred code ran at most once");
    }

    /// A close left half done (its future dropped while deferred code waits), the
    /// generator shared with two threads that read it through `&`, then finished.
    #[test]
    fn a_half_done_close_read_from_two_threads() {
        let closed = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(0));
        let flag = closed.clone();
        let mut s = pin!(stream! {
            defer! {
                PendingOnce(false).await;
                let _ = flag.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
            let mut text = String::from("a");
            let borrowed = &mut text;
            yield borrowed.len();
            borrowed.push('b');
            yield text.len();
        });
        assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(1)));
        {
            let close = pin!(s.as_mut().aclose());
            assert!(
                close
                    .poll(&mut Context::from_waker(Waker::noop()))
                    .is_pending()
            );
        }
        let shared = &*s;
        std::thread::scope(|scope| {
            for _ in 0..2 {
                scope.spawn(|| {
                    assert!(shared.is_terminated());
                    assert!(format!("{shared:?}").contains("closing"), "{shared:?}");
                });
            }
        });
        assert_eq!(closed.load(std::sync::atomic::Ordering::SeqCst), 0);
        futures::executor::block_on(s.as_mut().aclose());
        assert_eq!(closed.load(std::sync::atomic::Ordering::SeqCst), 1);
        assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
    }

    /// A coroutine body awaiting its own `park` (the end of a closed body) out of
    /// place: the async coroutine just waits, as for any future that never completes;
    /// a close then drops it.
    #[yieldkit::coroutine]
    async fn parks_by_hand(
        drops: Rc<Cell<u32>>,
    ) -> impl AsyncCoroutine<(), Yield = Counted, Return = ()> {
        let mut handle = grab!(yield_!(Counted(0, drops.clone())));
        handle.yield_(Counted(1, drops.clone())).await;
        let _never = handle.park().await;
    }

    #[test]
    fn a_coroutine_parked_by_hand_waits_then_closes() {
        let drops = Rc::new(Cell::new(0));
        let mut co = pin!(parks_by_hand(drops.clone()));
        let mut cx = Context::from_waker(Waker::noop());
        let mut sent = Some(());
        assert!(matches!(
            co.as_mut().poll_resume(&mut cx, &mut sent),
            Poll::Ready(CoroutineState::Yielded(Counted(1, _)))
        ));
        let mut sent = Some(());
        assert!(co.as_mut().poll_resume(&mut cx, &mut sent).is_pending());
        assert_eq!(futures::executor::block_on(co.as_mut().aclose()), None);
        assert_eq!(drops.get(), 1);
    }
}
