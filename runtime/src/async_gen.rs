//! The runtime type behind `#[async_gen]` and `stream!`.

use core::cell::UnsafeCell;
use core::fmt;
use core::future::Future;
use core::marker::PhantomPinned;
use core::mem::ManuallyDrop;
use core::pin::Pin;
use core::ptr::NonNull;
use core::task::{Context, Poll};

use futures_core::{FusedStream, Stream};

use crate::yielder::{DONE, EMPTY, Slot, UNSTARTED, Yielder};

/// An async generator: a [`Stream`] whose items are the values its body yields.
///
/// Made by `#[async_gen]` and `stream!`; not constructed by hand. Like any async
/// block it is `!Unpin`: pin it (`core::pin::pin!`, `Box::pin`) to poll it, or use
/// `#[for_await]`, which pins for you.
pub struct AsyncGen<T, F, Fut> {
    /// The closure while the slot's state is `UNSTARTED`, the body future while it is
    /// `EMPTY` or `FULL`, nothing once it is `DONE`.
    body: UnsafeCell<BodyCell<F, Fut>>,
    /// The yielded value and the generator's state, in one byte (see [`Slot`]).
    slot: Slot<T>,
    /// The body holds a pointer to `slot`, so the generator must never move once polled.
    _pinned: PhantomPinned,
}

/// The closure that builds the body future from a `Yielder`, then that future, in the
/// same place; which one is live is recorded in the slot's state byte, so the hot path
/// checks one byte and the generator carries no separate discriminant.
union BodyCell<F, Fut> {
    make: ManuallyDrop<F>,
    fut: ManuallyDrop<Fut>,
}

// SAFETY: a shared `&AsyncGen` gives access to nothing but the slot's state byte
// (`is_terminated`, `Debug`); the closure, the body and the value are only reached
// through `Pin<&mut Self>`.
unsafe impl<T, F, Fut> Sync for AsyncGen<T, F, Fut> {}

impl<T, F, Fut> AsyncGen<T, F, Fut>
where
    F: FnOnce(Yielder<T>) -> Fut,
    Fut: Future<Output = ()>,
{
    /// Wraps a body. `body` runs on the first poll, never before.
    #[doc(hidden)]
    #[inline(always)]
    pub const fn new(body: F) -> Self {
        Self {
            body: UnsafeCell::new(BodyCell {
                make: ManuallyDrop::new(body),
            }),
            slot: Slot::with_state(UNSTARTED),
            _pinned: PhantomPinned,
        }
    }

    /// Polls the body once: what every generator kind's step is made of.
    ///
    /// `Ready(Some(v))` for a yield, `Ready(None)` once the body has finished (after
    /// handing out a value it stored on its way out, such as the error of a `?`), and
    /// `Pending` when the body waits for something else.
    #[inline(always)]
    pub(crate) fn step(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        // SAFETY: nothing is moved out of `this`: the body is pinned structurally
        // below, and the slot is only used through shared references. `Self` is
        // `!Unpin`, so this `&mut` does not assert uniqueness over the slot the body
        // points into (the rule that makes async blocks' self-references sound too).
        let this = unsafe { self.get_unchecked_mut() };
        // Between polls the state is never `FULL` (every yield is handed out before
        // `step` returns), so `EMPTY` here means running.
        if this.slot.state() != EMPTY && !this.start() {
            return Poll::Ready(None);
        }
        // SAFETY: `EMPTY`: the body future is live.
        unsafe { this.poll_body(cx) }
    }

    /// Polls the running body and hands out what it yielded.
    ///
    /// # Safety
    /// The body future is live (the state is `EMPTY`) and no reference into `self.body`
    /// is live.
    #[inline(always)]
    unsafe fn poll_body(&mut self, cx: &mut Context<'_>) -> Poll<Option<T>> {
        // SAFETY: the body future is live (the caller's contract); `&raw mut` makes no
        // reference to the union.
        let fut: *mut Fut = unsafe { (&raw mut (*self.body.get()).fut).cast() };
        let on_panic = FinishOnUnwind {
            fut,
            slot: &self.slot,
        };
        // SAFETY: `fut` lives inside the pinned generator and is never moved: it is
        // dropped in place, by `poll_body` when it finishes, by `FinishOnUnwind` or by
        // the generator's drop.
        let polled = unsafe { Pin::new_unchecked(&mut *fut) }.poll(cx);
        core::mem::forget(on_panic);
        match polled {
            Poll::Pending => match self.slot.take() {
                Some(value) => Poll::Ready(Some(value)),
                None => Poll::Pending,
            },
            Poll::Ready(()) => {
                // A value stored by the body's last act (a `?` error) is its last item.
                let last = self.slot.take();
                // `DONE` first: if dropping the body's state panics, the generator is
                // finished and the future is not dropped again.
                self.slot.set_state(DONE);
                // SAFETY: the borrow of `fut` ended with the poll above; the state now
                // says nothing is live, so this is the future's only drop.
                unsafe { core::ptr::drop_in_place(fut) };
                Poll::Ready(last)
            }
        }
    }

    /// Every poll that does not find the body running: the first builds the body
    /// future, now that the slot's address is final, and returns `true` (poll it);
    /// those after the end return `false`.
    ///
    /// The body's `poll` keeps a single call site, in `step`: measured in `benches/`,
    /// polling the new body from here instead costs consumers that inline `poll_next`
    /// 3-8 instructions per item. `#[cold]` but not `#[inline(never)]`: inlined, it
    /// saves a tiny generator ~10 instructions (W5) for about one per item elsewhere.
    #[cold]
    fn start(&mut self) -> bool {
        if self.slot.state() != UNSTARTED {
            return false;
        }
        let body = self.body.get();
        // `DONE` first: a panic inside the closure leaves a finished generator.
        self.slot.set_state(DONE);
        // SAFETY: `UNSTARTED`: the closure is live; it is moved out exactly once, as the
        // state now says nothing is live.
        let make = unsafe { ManuallyDrop::take(&mut (*body).make) };
        // SAFETY: the slot lives in the same pinned struct as the body future that will
        // own the `Yielder`, so it outlives it and never moves; the body only runs
        // inside `step`, which polls it from this generator.
        let yielder = unsafe { Yielder::new(NonNull::from(&self.slot)) };
        let fut = make(yielder);
        // SAFETY: no reference into `body` is live; writing a union field drops nothing.
        unsafe { (&raw mut (*body).fut).write(ManuallyDrop::new(fut)) };
        self.slot.set_state(EMPTY);
        true
    }
}

/// Finishes the generator if the body panics: drops an unclaimed value and the body's
/// state, so the body is never resumed after a panic.
struct FinishOnUnwind<'a, T, Fut> {
    fut: *mut Fut,
    slot: &'a Slot<T>,
}

impl<T, Fut> Drop for FinishOnUnwind<'_, T, Fut> {
    #[cold]
    fn drop(&mut self) {
        drop(self.slot.take());
        self.slot.set_state(DONE);
        // SAFETY: only reached while unwinding out of the body's `poll`, when the
        // `&mut` borrow of the future has ended; the state now says nothing is live,
        // so this is the future's only drop.
        unsafe { core::ptr::drop_in_place(self.fut) };
    }
}

impl<T, F, Fut> AsyncGen<T, F, Fut> {
    /// Drops the closure or the body (its locals run their destructors) and marks the
    /// generator finished: what a sync generator does when its body awaited.
    pub(crate) fn finish(self: Pin<&mut Self>) {
        // SAFETY: nothing is moved out of `this`; the body is dropped in place.
        let this = unsafe { self.get_unchecked_mut() };
        let state = this.slot.state();
        drop(this.slot.take());
        this.slot.set_state(DONE);
        let body = this.body.get();
        match state {
            // SAFETY: `UNSTARTED`: the closure is live; the state now says it is not,
            // so this is its only drop.
            UNSTARTED => unsafe { ManuallyDrop::drop(&mut (*body).make) },
            DONE => {}
            // SAFETY: running: the future is live and dropped only here, in place; no
            // reference into it is live between polls.
            _ => unsafe { ManuallyDrop::drop(&mut (*body).fut) },
        }
    }
}

impl<T, F, Fut> Drop for AsyncGen<T, F, Fut> {
    fn drop(&mut self) {
        let body = self.body.get_mut();
        match self.slot.state() {
            // SAFETY: `UNSTARTED`: the closure is live, and dropped only here.
            UNSTARTED => unsafe { ManuallyDrop::drop(&mut body.make) },
            DONE => {}
            // SAFETY: `EMPTY` / `FULL`: the future is live, and dropped only here, in
            // place (it may be pinned). The slot drops its own value afterwards.
            _ => unsafe { ManuallyDrop::drop(&mut body.fut) },
        }
    }
}

impl<T, F, Fut> Stream for AsyncGen<T, F, Fut>
where
    F: FnOnce(Yielder<T>) -> Fut,
    Fut: Future<Output = ()>,
{
    type Item = T;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        self.step(cx)
    }
}

impl<T, F, Fut> FusedStream for AsyncGen<T, F, Fut>
where
    F: FnOnce(Yielder<T>) -> Fut,
    Fut: Future<Output = ()>,
{
    fn is_terminated(&self) -> bool {
        self.is_done()
    }
}

impl<T, F, Fut> AsyncGen<T, F, Fut> {
    pub(crate) fn is_done(&self) -> bool {
        self.slot.state() == DONE
    }

    fn state_name(&self) -> &'static str {
        match self.slot.state() {
            UNSTARTED => "unstarted",
            DONE => "done",
            _ => "running",
        }
    }
}

impl<T, F, Fut> fmt::Debug for AsyncGen<T, F, Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AsyncGen")
            .field("state", &self.state_name())
            .finish_non_exhaustive()
    }
}
