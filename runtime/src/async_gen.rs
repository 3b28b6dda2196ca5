//! The runtime type behind `#[async_gen]` and `stream!`.

use core::cell::UnsafeCell;
use core::fmt;
use core::future::Future;
use core::marker::PhantomPinned;
use core::pin::Pin;
use core::ptr::NonNull;
use core::task::{Context, Poll};

use futures_core::{FusedStream, Stream};

use crate::yielder::{Slot, Yielder};

/// An async generator: a [`Stream`] whose items are the values its body yields.
///
/// Made by `#[async_gen]` and `stream!`; not constructed by hand. Like any async
/// block it is `!Unpin`: pin it (`core::pin::pin!`, `Box::pin`) to poll it, or use
/// `#[for_await]`, which pins for you.
pub struct AsyncGen<T, F, Fut> {
    body: UnsafeCell<Body<F, Fut>>,
    slot: Slot<T>,
    /// The body holds a pointer to `slot`, so the generator must never move once polled.
    _pinned: PhantomPinned,
}

pub(crate) enum Body<F, Fut> {
    /// Not polled yet: the closure that builds the body future from a `Yielder`.
    Unstarted(F),
    Running(Fut),
    /// Finished, panicked, or the closure panicked while starting.
    Done,
}

// SAFETY: a shared `&AsyncGen` gives access to nothing but the state's discriminant
// (`is_terminated`, `Debug`); the closure, the body and the slot are only reached
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
            body: UnsafeCell::new(Body::Unstarted(body)),
            slot: Slot::new(),
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
        let body = this.body.get();
        // SAFETY: `body` is only accessed here and in `start` / `is_terminated`; no other
        // reference into it is live.
        let fut = match unsafe { &mut *body } {
            Body::Running(fut) => fut,
            Body::Unstarted(_) => this.start(),
            Body::Done => return Poll::Ready(None),
        };
        let on_panic = FinishOnUnwind(body);
        // SAFETY: `fut` lives inside the pinned generator and is never moved: it is
        // dropped in place, by `Body::Done` overwriting it or by the generator's drop.
        let polled = unsafe { Pin::new_unchecked(fut) }.poll(cx);
        core::mem::forget(on_panic);
        match polled {
            Poll::Pending => match this.slot.take() {
                Some(value) => Poll::Ready(Some(value)),
                None => Poll::Pending,
            },
            Poll::Ready(()) => {
                // SAFETY: the borrow `fut` ended with the poll above.
                unsafe { *body = Body::Done };
                // A value stored by the body's last act (a `?` error) is its last item.
                Poll::Ready(this.slot.take())
            }
        }
    }

    /// First poll: builds the body future, now that the slot's address is final.
    #[cold]
    #[inline(never)]
    fn start(&mut self) -> &mut Fut {
        let body = self.body.get();
        // SAFETY: no other reference into `body` is live (see `step`). Setting `Done`
        // first means a panic inside the closure leaves a finished generator.
        let Body::Unstarted(make) = core::mem::replace(unsafe { &mut *body }, Body::Done) else {
            unreachable!("`start` runs only on an unstarted generator")
        };
        // SAFETY: the slot lives in the same pinned struct as the body future that will
        // own the `Yielder`, so it outlives it and never moves; the body only runs
        // inside `step`, which polls it from this generator.
        let yielder = unsafe { Yielder::new(NonNull::from(&self.slot)) };
        let fut = make(yielder);
        // SAFETY: as above; `fut` is written in place and pinned from here on.
        unsafe {
            *body = Body::Running(fut);
            match &mut *body {
                Body::Running(fut) => fut,
                _ => core::hint::unreachable_unchecked(),
            }
        }
    }
}

/// Marks the generator finished if the body panics, dropping the body's state so the
/// body is never resumed after a panic.
struct FinishOnUnwind<F, Fut>(*mut Body<F, Fut>);

impl<F, Fut> Drop for FinishOnUnwind<F, Fut> {
    #[cold]
    fn drop(&mut self) {
        // SAFETY: only reached while unwinding out of the body's `poll`, when the
        // `&mut` borrow of the body has ended and the pointer is still valid.
        unsafe { *self.0 = Body::Done };
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
        // SAFETY: `&self` excludes the `&mut` accesses in `step`; reading the
        // discriminant touches neither the closure nor the body.
        matches!(unsafe { &*self.body.get() }, Body::Done)
    }

    fn state_name(&self) -> &'static str {
        // SAFETY: as in `is_done`.
        match unsafe { &*self.body.get() } {
            Body::Unstarted(_) => "unstarted",
            Body::Running(_) => "running",
            Body::Done => "done",
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
