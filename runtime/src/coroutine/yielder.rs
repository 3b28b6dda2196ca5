//! The body's side of a coroutine: the handle that yields a value out and receives the
//! sent one.

use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::ptr::NonNull;
use core::task::{Context, Poll};

use crate::yielder::Slot;

/// The two slots of a coroutine: the value yielded out, and the value sent in.
pub(crate) struct Slots<Y, R> {
    /// Also holds the coroutine's state byte (see `state.rs`).
    pub(super) yielded: Slot<Y>,
    pub(super) sent: Slot<R>,
}

/// `fn(T) -> T`: invariant in `T`.
type Invariant<T> = fn(T) -> T;

/// The body's handle to its coroutine's slots. Created by the runtime on the first
/// resume; the macros bind it to a name user code cannot write.
pub struct CoYielder<Y, R> {
    slots: NonNull<Slots<Y, R>>,
    /// Invariant in both types (see `Yielder`).
    _invariant: PhantomData<Invariant<(Y, R)>>,
}

// SAFETY: a `CoYielder` touches its slots only while the coroutine owning them polls
// the body that owns the `CoYielder` (see the module docs of `yielder.rs`), so moving
// the body to another thread moves the slots' only user with it. What crosses threads
// are a `Y` and an `R`.
unsafe impl<Y: Send, R: Send> Send for CoYielder<Y, R> {}
// SAFETY: `&CoYielder` gives access to nothing: every method takes `&mut self`.
unsafe impl<Y, R> Sync for CoYielder<Y, R> {}

impl<Y, R> CoYielder<Y, R> {
    /// # Safety
    /// `slots` must stay valid, at the same address, for as long as this handle or a
    /// [`CoYield`] made from it is used, and be used only while its coroutine polls
    /// the body that holds this handle.
    #[inline(always)]
    pub(super) unsafe fn new(slots: NonNull<Slots<Y, R>>) -> Self {
        Self {
            slots,
            _invariant: PhantomData,
        }
    }

    /// Hands `value` out; the returned future resolves to the value sent by the next
    /// resume. Taking `&mut self` makes two yields in flight at once a borrow error.
    #[doc(hidden)]
    #[inline(always)]
    pub fn yield_(&mut self, value: Y) -> CoYield<'_, R> {
        // SAFETY: `new`'s contract: the slots outlive the body and never move, and this
        // runs only while the coroutine polls the body.
        let slots = unsafe { self.slots.as_ref() };
        slots.yielded.put(value);
        CoYield {
            sent: NonNull::from(&slots.sent),
            polled: false,
            _borrow: PhantomData,
        }
    }
}

impl<Y, R> fmt::Debug for CoYielder<Y, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CoYielder").finish_non_exhaustive()
    }
}

/// The future a coroutine's yield awaits: `Pending` until the consumer has taken the
/// yielded value and sent one back, then `Ready` with the sent value.
///
/// It points at the sent-value slot only, so its type does not mention the yielded
/// type (a yielded value of the wrong type is reported at the value alone).
#[must_use = "the value is handed over only when the coroutine is suspended; `.await` this"]
pub struct CoYield<'a, R> {
    sent: NonNull<Slot<R>>,
    /// The first poll suspends the body, so the coroutine hands the yielded value out;
    /// any later poll comes after a resume (as for `Yield`).
    polled: bool,
    /// Borrows the `CoYielder` mutably: at most one `CoYield` exists per coroutine.
    _borrow: PhantomData<&'a mut ()>,
}

// SAFETY: as for `CoYielder`, which this borrows mutably; what it reads is an `R`.
unsafe impl<R: Send> Send for CoYield<'_, R> {}
// SAFETY: `&CoYield` gives access to nothing.
unsafe impl<R> Sync for CoYield<'_, R> {}

impl<R> Future for CoYield<'_, R> {
    type Output = R;

    #[inline(always)]
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<R> {
        if !self.polled {
            // No waker is registered: the coroutine sees the full slot as soon as the
            // body returns `Pending` and hands the value out.
            self.polled = true;
            return Poll::Pending;
        }
        // SAFETY: this borrows the `CoYielder` the pointer came from, so its contract
        // holds.
        let sent = unsafe { self.sent.as_ref() };
        match sent.take() {
            Some(sent) => Poll::Ready(sent),
            // Only a resume without a value (impossible through the public API) gets
            // here; the coroutine reports it.
            None => Poll::Pending,
        }
    }
}

impl<R> fmt::Debug for CoYield<'_, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CoYield").finish_non_exhaustive()
    }
}
