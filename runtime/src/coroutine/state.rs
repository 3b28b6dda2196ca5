//! The coroutine state machine, and the two runtime types made of it.

use core::cell::{Cell, UnsafeCell};
use core::fmt;
use core::future::Future;
use core::marker::PhantomPinned;
use core::mem::ManuallyDrop;
use core::pin::Pin;
use core::ptr::NonNull;
use core::task::{Context, Poll, Waker};

use super::yielder::{CoYielder, Slots};
use super::{AsyncCoroutine, CloseValue, Coroutine, CoroutineState};
use crate::yielder::{DONE, EMPTY, Slot, UNSTARTED};

/// The state machine shared by [`Co`] and [`AsyncCo`].
///
/// Built like `AsyncGen`: the closure and then the body future share one union, and the
/// state lives in the yield slot's state byte (`UNSTARTED`, `EMPTY` = running, `DONE`;
/// `FULL` only inside a step), so a resume checks one byte.
struct CoState<Y, R, F, Fut> {
    /// The closure while `UNSTARTED`, the body future while running, nothing once
    /// `DONE`.
    body: UnsafeCell<CoBody<F, Fut>>,
    slots: Slots<Y, R>,
    /// The body returned `Pending` without yielding: it waits inside a step (async
    /// coroutines only).
    mid_step: Cell<bool>,
    /// `aclose` has sent the close value.
    closing: Cell<bool>,
    /// The body holds a pointer to `slots`: never move once started.
    _pinned: PhantomPinned,
}

union CoBody<F, Fut> {
    make: ManuallyDrop<F>,
    fut: ManuallyDrop<Fut>,
}

impl<Y, R, F, Fut> CoState<Y, R, F, Fut>
where
    F: FnOnce(CoYielder<Y, R>, R) -> Fut,
    Fut: Future,
{
    const fn new(body: F) -> Self {
        Self {
            body: UnsafeCell::new(CoBody {
                make: ManuallyDrop::new(body),
            }),
            slots: Slots {
                yielded: Slot::with_state(UNSTARTED),
                sent: Slot::new(),
            },
            mid_step: Cell::new(false),
            closing: Cell::new(false),
            _pinned: PhantomPinned,
        }
    }

    /// # Safety
    /// `Self` is never moved out of the returned reference (it is `!Unpin`, so the
    /// `&mut` does not assert uniqueness over the slots the body points into, the rule
    /// that makes async blocks' self-references sound too).
    #[inline(always)]
    unsafe fn project(self: Pin<&mut Self>) -> &mut Self {
        // SAFETY: the caller's contract.
        unsafe { self.get_unchecked_mut() }
    }

    /// A sync resume: delivers `arg`, polls the body once with a no-op waker.
    #[inline(always)]
    fn resume_sync(self: Pin<&mut Self>, arg: R) -> CoroutineState<Y, Fut::Output> {
        // SAFETY: nothing is moved out of `this`.
        let this = unsafe { self.project() };
        if this.slots.yielded.state() == EMPTY {
            this.slots.sent.put(arg);
        } else {
            this.start(arg);
        }
        let mut cx = Context::from_waker(Waker::noop());
        // SAFETY: running (`start` returned, so the body future is live), and no
        // reference into `body` is live.
        match unsafe { this.poll_body::<false>(&mut cx) } {
            Poll::Ready(state) => state,
            Poll::Pending => {
                this.finish();
                awaited_in_sync_coroutine()
            }
        }
    }

    /// An async resume step: delivers `arg` if given (the first poll of a resume) and
    /// polls the body once.
    #[inline(always)]
    fn step(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<R>,
    ) -> Poll<CoroutineState<Y, Fut::Output>> {
        // SAFETY: nothing is moved out of `this`.
        let this = unsafe { self.project() };
        if this.slots.yielded.state() == EMPTY {
            if let Some(sent) = arg.take() {
                if this.mid_step.get() {
                    resumed_mid_step();
                }
                this.slots.sent.put(sent);
            }
        } else {
            match arg.take() {
                Some(first) => this.start(first),
                None => resumed_after_completion(),
            }
        }
        // SAFETY: running, and no reference into `body` is live.
        unsafe { this.poll_body::<true>(cx) }
    }

    /// Polls the running body and reports what it did.
    ///
    /// # Safety
    /// The body future is live (running) and no reference into `self.body` is live.
    #[inline(always)]
    unsafe fn poll_body<const ASYNC: bool>(
        &mut self,
        cx: &mut Context<'_>,
    ) -> Poll<CoroutineState<Y, Fut::Output>> {
        // SAFETY: the body future is live (the caller's contract); `&raw mut` makes no
        // reference to the union.
        let fut: *mut Fut = unsafe { (&raw mut (*self.body.get()).fut).cast() };
        let on_panic = FinishOnUnwind {
            fut,
            slots: &self.slots,
        };
        // SAFETY: `fut` lives inside the pinned coroutine and is never moved: it is
        // dropped in place, here when it finishes, by `finish`, by `FinishOnUnwind` or
        // by the coroutine's drop.
        let polled = unsafe { Pin::new_unchecked(&mut *fut) }.poll(cx);
        core::mem::forget(on_panic);
        match polled {
            Poll::Pending => match self.slots.yielded.take() {
                Some(value) => {
                    if ASYNC {
                        self.mid_step.set(false);
                    }
                    Poll::Ready(CoroutineState::Yielded(value))
                }
                None => {
                    self.mid_step.set(true);
                    Poll::Pending
                }
            },
            Poll::Ready(ret) => {
                // `DONE` first: if dropping the body's state panics, the coroutine is
                // finished and the future is not dropped again.
                self.slots.yielded.set_state(DONE);
                // SAFETY: the borrow of `fut` ended with the poll above; the state now
                // says nothing is live, so this is the future's only drop.
                unsafe { core::ptr::drop_in_place(fut) };
                self.mid_step.set(false);
                Poll::Ready(CoroutineState::Complete(ret))
            }
        }
    }

    /// Every resume that does not find the body running: the first builds the body
    /// future (the slots' address is final now) and hands it `first`; one after the end
    /// panics.
    #[cold]
    #[inline(never)]
    #[track_caller]
    fn start(&mut self, first: R) {
        if self.slots.yielded.state() != UNSTARTED {
            resumed_after_completion();
        }
        let body = self.body.get();
        // `DONE` first: a panic inside the closure leaves a finished coroutine.
        self.slots.yielded.set_state(DONE);
        // SAFETY: `UNSTARTED`: the closure is live; it is moved out exactly once, as the
        // state now says nothing is live.
        let make = unsafe { ManuallyDrop::take(&mut (*body).make) };
        // SAFETY: the slots live in the same pinned struct as the body future that
        // will own the handle, so they outlive it and never move; the body only runs
        // inside this coroutine's steps.
        let yielder = unsafe { CoYielder::new(NonNull::from(&self.slots)) };
        let fut = make(yielder, first);
        // SAFETY: no reference into `body` is live; writing a union field drops nothing.
        unsafe { (&raw mut (*body).fut).write(ManuallyDrop::new(fut)) };
        self.slots.yielded.set_state(EMPTY);
    }

    /// Drops the closure or the body (its locals run their destructors) and marks the
    /// coroutine finished.
    fn finish(&mut self) {
        let state = self.slots.yielded.state();
        drop(self.slots.yielded.take());
        self.slots.yielded.set_state(DONE);
        let body = self.body.get();
        match state {
            // SAFETY: `UNSTARTED`: the closure is live, and the state now says it is
            // not, so this is its only drop.
            UNSTARTED => unsafe { ManuallyDrop::drop(&mut (*body).make) },
            DONE => {}
            // SAFETY: running: the future is live and dropped only here, in place; no
            // reference into it is live between steps.
            _ => unsafe { ManuallyDrop::drop(&mut (*body).fut) },
        }
    }

    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Fut::Output>>
    where
        R: CloseValue,
    {
        // SAFETY: nothing is moved out of `this`.
        let this = unsafe { self.project() };
        match this.slots.yielded.state() {
            DONE => return Poll::Ready(None),
            UNSTARTED => {
                this.finish();
                return Poll::Ready(None);
            }
            _ => {}
        }
        let mut arg = if this.closing.replace(true) || this.mid_step.get() {
            None
        } else {
            Some(R::close_value())
        };
        // SAFETY: `this` is the projection of a pinned `Self`, re-pinned unchanged.
        let pinned = unsafe { Pin::new_unchecked(&mut *this) };
        match pinned.step(cx, &mut arg) {
            Poll::Ready(CoroutineState::Complete(ret)) => Poll::Ready(Some(ret)),
            Poll::Ready(CoroutineState::Yielded(_)) => {
                this.finish();
                yielded_while_closing()
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<Y, R, F, Fut> Drop for CoState<Y, R, F, Fut> {
    fn drop(&mut self) {
        let body = self.body.get_mut();
        match self.slots.yielded.state() {
            // SAFETY: `UNSTARTED`: the closure is live, and dropped only here.
            UNSTARTED => unsafe { ManuallyDrop::drop(&mut body.make) },
            DONE => {}
            // SAFETY: running: the future is live, and dropped only here, in place (it
            // may be pinned). The slots drop their own values afterwards.
            _ => unsafe { ManuallyDrop::drop(&mut body.fut) },
        }
    }
}

/// Finishes the coroutine if the body panics: drops an unclaimed value and the body's
/// state, so the body is never resumed after a panic.
struct FinishOnUnwind<'a, Y, R, Fut> {
    fut: *mut Fut,
    slots: &'a Slots<Y, R>,
}

impl<Y, R, Fut> Drop for FinishOnUnwind<'_, Y, R, Fut> {
    #[cold]
    fn drop(&mut self) {
        drop(self.slots.yielded.take());
        drop(self.slots.sent.take());
        self.slots.yielded.set_state(DONE);
        // SAFETY: only reached while unwinding out of the body's `poll`, when the `&mut`
        // borrow of the future has ended; the state now says nothing is live, so this
        // is the future's only drop.
        unsafe { core::ptr::drop_in_place(self.fut) };
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
        "async coroutine resumed with a new value while its body is still in the step a \
         dropped `resume` future started; drive each `resume` future to completion"
    )
}

#[cold]
#[inline(never)]
#[track_caller]
fn yielded_while_closing() -> ! {
    panic!(
        "async coroutine yielded after `aclose`: the body must return once its `yield_!` \
         evaluates to the close value (`None`)"
    )
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

/// A coroutine made by `#[coroutine] fn`; see [`Coroutine`]. Not constructed by hand.
///
/// `!Unpin` like any async block (its body may borrow its own locals across yields):
/// pin it (`core::pin::pin!`, `Box::pin`) to resume it.
pub struct Co<Y, R, F, Fut> {
    state: CoState<Y, R, F, Fut>,
}

impl<Y, R, F, Fut> Co<Y, R, F, Fut>
where
    F: FnOnce(CoYielder<Y, R>, R) -> Fut,
    Fut: Future,
{
    /// Wraps a body. `body` runs on the first resume, never before.
    #[doc(hidden)]
    #[inline(always)]
    pub const fn new(body: F) -> Self {
        Self {
            state: CoState::new(body),
        }
    }

    fn state(self: Pin<&mut Self>) -> Pin<&mut CoState<Y, R, F, Fut>> {
        // SAFETY: `state` is pinned structurally: never moved out of `self`.
        unsafe { self.map_unchecked_mut(|this| &mut this.state) }
    }
}

impl<Y, R, F, Fut> Coroutine<R> for Co<Y, R, F, Fut>
where
    F: FnOnce(CoYielder<Y, R>, R) -> Fut,
    Fut: Future,
{
    type Yield = Y;
    type Return = Fut::Output;

    #[inline]
    fn resume(self: Pin<&mut Self>, arg: R) -> CoroutineState<Y, Fut::Output> {
        self.state().resume_sync(arg)
    }
}

impl<Y, R, F, Fut> fmt::Debug for Co<Y, R, F, Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Co")
            .field("state", &self.state.state_name())
            .finish_non_exhaustive()
    }
}

/// An async coroutine made by `#[coroutine] async fn`; see [`AsyncCoroutine`]. Not
/// constructed by hand. `!Unpin`: pin it to resume it.
pub struct AsyncCo<Y, R, F, Fut> {
    state: CoState<Y, R, F, Fut>,
}

impl<Y, R, F, Fut> AsyncCo<Y, R, F, Fut>
where
    F: FnOnce(CoYielder<Y, R>, R) -> Fut,
    Fut: Future,
{
    /// Wraps a body. `body` runs on the first resume, never before.
    #[doc(hidden)]
    #[inline(always)]
    pub const fn new(body: F) -> Self {
        Self {
            state: CoState::new(body),
        }
    }

    fn state(self: Pin<&mut Self>) -> Pin<&mut CoState<Y, R, F, Fut>> {
        // SAFETY: `state` is pinned structurally: never moved out of `self`.
        unsafe { self.map_unchecked_mut(|this| &mut this.state) }
    }
}

impl<Y, R, F, Fut> AsyncCoroutine<R> for AsyncCo<Y, R, F, Fut>
where
    F: FnOnce(CoYielder<Y, R>, R) -> Fut,
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
        self.state().step(cx, arg)
    }

    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Fut::Output>>
    where
        R: CloseValue,
    {
        self.state().poll_close(cx)
    }
}

impl<Y, R, F, Fut> fmt::Debug for AsyncCo<Y, R, F, Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AsyncCo")
            .field("state", &self.state.state_name())
            .finish_non_exhaustive()
    }
}

impl<Y, R, F, Fut> CoState<Y, R, F, Fut> {
    fn state_name(&self) -> &'static str {
        match self.slots.yielded.state() {
            UNSTARTED => "unstarted",
            DONE => "complete",
            _ => "suspended",
        }
    }
}

// SAFETY: a shared `&Co` / `&AsyncCo` reaches nothing but the body's discriminant
// (`Debug`); the closure, the body, the slots and the flags are only used through
// `Pin<&mut Self>`.
unsafe impl<Y, R, F, Fut> Sync for Co<Y, R, F, Fut> {}
// SAFETY: as above.
unsafe impl<Y, R, F, Fut> Sync for AsyncCo<Y, R, F, Fut> {}
