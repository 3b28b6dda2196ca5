//! The runtime type behind `#[coroutine]`: one state machine, sync or async.

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};

use super::{AsyncCoroutine, Coroutine, CoroutineState};
use crate::body::{BodyCell, State};
use crate::handle::{CoSlots, CoYieldToken};
use crate::slot::Slot;

/// A coroutine made by `#[coroutine] fn` (or, as [`AsyncCo`], by `#[coroutine] async
/// fn`); see [`Coroutine`] and [`AsyncCoroutine`]. Not constructed by hand.
///
/// Its body and the two slots the body's handle points at (the value yielded out, the
/// value sent in), and, for an async coroutine, where its step stands. `!Unpin` like
/// any async block (its body may borrow its own locals across yields): pin it
/// (`core::pin::pin!`, `Box::pin`) to resume it.
pub struct Co<Y, R, F, Fut, const ASYNC: bool = false> {
    cell: BodyCell<F, Fut, CoSlots<Y, R>>,
    /// The body returned `Pending` without yielding: it waits inside a step, which the
    /// next poll continues (async coroutines only).
    mid_step: bool,
}

/// An async coroutine made by `#[coroutine] async fn`: resuming it is a future; see
/// [`AsyncCoroutine`]. `!Unpin`: pin it to resume it.
pub type AsyncCo<Y, R, F, Fut> = Co<Y, R, F, Fut, true>;

// SAFETY: a shared `&Co` reads the body's state and nothing else (`Debug`); the body,
// the slots and the flags are only reached through `Pin<&mut Self>`.
unsafe impl<Y, R, F, Fut, const ASYNC: bool> Sync for Co<Y, R, F, Fut, ASYNC> {}

/// `Co` pinned, field by field.
struct Projection<'a, Y, R, F, Fut> {
    cell: Pin<&'a mut BodyCell<F, Fut, CoSlots<Y, R>>>,
    mid_step: &'a mut bool,
}

impl<Y, R, F, Fut, const ASYNC: bool> Co<Y, R, F, Fut, ASYNC> {
    fn project(self: Pin<&mut Self>) -> Projection<'_, Y, R, F, Fut> {
        // SAFETY: `cell` is pinned structurally (see `AsyncGen::cell`); the flags are
        // not pinned.
        let this = unsafe { self.get_unchecked_mut() };
        Projection {
            // SAFETY: as above.
            cell: unsafe { Pin::new_unchecked(&mut this.cell) },
            mid_step: &mut this.mid_step,
        }
    }

    fn state_name(&self) -> &'static str {
        match self.cell.state() {
            State::Unstarted => "unstarted",
            State::Running => "suspended",
            State::Closing => "closing",
            State::Done => "complete",
        }
    }
}

impl<Y, R, F, Fut, const ASYNC: bool> Co<Y, R, F, Fut, ASYNC>
where
    F: FnOnce(CoYieldToken<Y, R>, R) -> Fut,
    Fut: Future,
{
    /// Wraps a body closure. It is called on the first resume, never before, with a
    /// token for this coroutine's slots (see [`CoYieldToken`]) and the first resume's
    /// value.
    #[inline(always)]
    pub const fn new(body: F) -> Self {
        Self {
            cell: BodyCell::new(
                body,
                CoSlots {
                    yielded: Slot::new(),
                    sent: Slot::new(),
                },
            ),
            mid_step: false,
        }
    }

    /// A sync resume: delivers `arg`, polls the body once with a no-op waker.
    #[inline(always)]
    fn resume_sync(self: Pin<&mut Self>, arg: R) -> CoroutineState<Y, Fut::Output> {
        let mut this = self.project();
        this.deliver::<false>(arg);
        match this.poll::<false>(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(state) => state,
            Poll::Pending => {
                this.cell.as_mut().finish();
                drop(this.cell.slots().yielded.take());
                awaited_in_sync_coroutine()
            }
        }
    }

    /// One poll of an async resume: delivers `arg` if it is there (the first poll of a
    /// resume), else continues the step in progress.
    #[inline(always)]
    fn step(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<R>,
    ) -> Poll<CoroutineState<Y, Fut::Output>> {
        let mut this = self.project();
        if this.cell.state() == State::Closing {
            resumed_while_closing();
        }
        match arg.take() {
            Some(arg) => this.deliver::<true>(arg),
            None if *this.mid_step => {}
            None => resumed_without_a_value(this.cell.state()),
        }
        this.poll::<true>(cx)
    }

    /// Drives a close (the protocol is in `close.rs`): the body, suspended at a yield
    /// inside a cleanup scope, leaves through its deferred code; outside one it is
    /// dropped. A step a dropped `resume` future left is finished on the way.
    fn close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Fut::Output>> {
        let this = self.project();
        let closed = this.cell.poll_close(cx);
        if closed.is_ready() {
            *this.mid_step = false;
        }
        closed
    }

    /// A sync close: [`Co::close`] polled once with a no-op waker.
    fn close_sync(mut self: Pin<&mut Self>) {
        if self
            .as_mut()
            .close(&mut Context::from_waker(Waker::noop()))
            .is_pending()
        {
            let this = self.project();
            this.cell.finish();
            awaited_in_sync_coroutine()
        }
    }
}

impl<Y, R, F, Fut> Projection<'_, Y, R, F, Fut>
where
    F: FnOnce(CoYieldToken<Y, R>, R) -> Fut,
    Fut: Future,
{
    /// Hands a resume's value to the body: to the `yield_!` it is suspended at, or, on
    /// the first resume, to the body as it is built. (`ASYNC`: a sync coroutine is never
    /// left mid-step, so it skips the flag.)
    #[inline(always)]
    fn deliver<const ASYNC: bool>(&mut self, arg: R) {
        if self.cell.state() != State::Running {
            return self.start(arg);
        }
        if ASYNC && *self.mid_step {
            resumed_mid_step();
        }
        self.cell.slots().sent.put(arg);
    }

    /// The first resume builds the body, handing it `first`; one after the end panics.
    #[cold]
    fn start(&mut self, first: R) {
        let started = self
            .cell
            .as_mut()
            .start(|make, slots| make(CoYieldToken::new(slots), first));
        if !started {
            resumed_after_completion();
        }
    }

    /// Polls the running body and reports what it did.
    #[inline(always)]
    fn poll<const ASYNC: bool>(
        &mut self,
        cx: &mut Context<'_>,
    ) -> Poll<CoroutineState<Y, Fut::Output>> {
        let polled = self.cell.as_mut().poll(cx);
        let yielded = &self.cell.slots().yielded;
        match polled {
            Poll::Pending => match yielded.take() {
                Some(value) => {
                    if ASYNC {
                        *self.mid_step = false;
                    }
                    Poll::Ready(CoroutineState::Yielded(value))
                }
                None => {
                    *self.mid_step = true;
                    Poll::Pending
                }
            },
            Poll::Ready(Some(ret)) => {
                *self.mid_step = false;
                // A value yielded by a future the body dropped unawaited.
                drop(yielded.take());
                Poll::Ready(CoroutineState::Complete(ret))
            }
            // `deliver` built the body, or panicked if it had finished.
            Poll::Ready(None) => resumed_after_completion(),
        }
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn resumed_after_completion() -> ! {
    panic!("coroutine resumed after completion: it already returned `Complete` (or panicked)")
}

#[cold]
#[inline(never)]
#[track_caller]
fn resumed_mid_step() -> ! {
    panic!(
        "async coroutine already running: resumed with a new value while its body is still \
         in the step that a dropped `resume` future started; drive each `resume` future to \
         completion (`aclose` may still be used: it finishes that step first)"
    )
}

#[cold]
#[inline(never)]
#[track_caller]
fn resumed_while_closing() -> ! {
    panic!(
        "async coroutine resumed while `aclose` is closing it: drive the `aclose` future to \
         completion instead"
    )
}

#[cold]
#[inline(never)]
#[track_caller]
fn resumed_without_a_value(state: State) -> ! {
    match state {
        State::Done => resumed_after_completion(),
        _ => panic!(
            "`AsyncCoroutine::poll_resume` was called without a value, but the coroutine is not \
             in the middle of a step: pass the sent value on the first poll of each resume \
             (`AsyncCoroutine::resume` does this)"
        ),
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn awaited_in_sync_coroutine() -> ! {
    panic!(
        "a coroutine's body awaited a future that was not ready; a `#[coroutine] fn` \
         cannot await: use `#[coroutine] async fn` for a body that awaits"
    )
}

// Not listed in errors about a type that is not a coroutine (they would point
// into this file).
#[diagnostic::do_not_recommend]
impl<Y, R, F, Fut> Coroutine<R> for Co<Y, R, F, Fut>
where
    F: FnOnce(CoYieldToken<Y, R>, R) -> Fut,
    Fut: Future,
{
    type Yield = Y;
    type Return = Fut::Output;

    #[inline]
    fn resume(self: Pin<&mut Self>, arg: R) -> CoroutineState<Y, Fut::Output> {
        self.resume_sync(arg)
    }

    fn close(self: Pin<&mut Self>) {
        self.close_sync();
    }
}

// Not listed in errors about a type that is not a coroutine (they would point
// into this file).
#[diagnostic::do_not_recommend]
impl<Y, R, F, Fut> AsyncCoroutine<R> for AsyncCo<Y, R, F, Fut>
where
    F: FnOnce(CoYieldToken<Y, R>, R) -> Fut,
    Fut: Future,
{
    type Yield = Y;
    type Return = Fut::Output;

    #[inline]
    fn poll_resume(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<R>,
    ) -> Poll<CoroutineState<Y, Fut::Output>> {
        self.step(cx, arg)
    }

    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Fut::Output>> {
        self.close(cx)
    }
}

impl<Y, R, F, Fut, const ASYNC: bool> fmt::Debug for Co<Y, R, F, Fut, ASYNC> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct(if ASYNC { "AsyncCo" } else { "Co" })
            .field("state", &self.state_name())
            .finish_non_exhaustive()
    }
}
