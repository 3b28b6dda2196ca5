//! The yield point: a one-item slot inside the pinned generator, and the handle the
//! body uses to write into it.
//!
//! The slot lives in the generator struct, never on a stack and never in a
//! thread-local. The body receives a [`Yielder`] that points at it when the generator is
//! first polled (the struct's address is final by then, because it is pinned).
//! A yield writes the value into the slot at once and returns a [`Yield`] future that is
//! `Pending` until the generator has handed the value to its consumer.
//!
//! Soundness rests on three facts, each enforced by the macros or the types here:
//! - The body can only reach its `Yielder` from its own code: the binding has a
//!   `Span::mixed_site()` name the user cannot write, and every rewritten yield
//!   carries a `break` to a label that only the generator's own body can reach, so a
//!   yield smuggled into a closure, an `async` block or a nested function does not
//!   compile (E0767). Every slot access therefore happens while the generator's
//!   `poll_next` / `next` / `resume` is polling the body, on the thread that called it.
//! - `Yielder::yield_` takes `&mut self`, so at most one [`Yield`] exists at a time.
//! - `Yielder<T>` is invariant in `T`, so a short-lived borrow cannot be yielded as a
//!   longer-lived one.

use core::cell::UnsafeCell;
use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::mem::MaybeUninit;
use core::pin::Pin;
use core::ptr::NonNull;
use core::task::{Context, Poll};

/// A cell holding at most one value, with no references into it ever handed out.
///
/// Like `Cell<Option<T>>`, but the flag and the value are separate so the hot path is
/// one flag write and one value write, and the whole thing sits in one `UnsafeCell` so
/// a pointer to it may be shared with the body while the generator holds `&mut` to
/// its (`!Unpin`) owner.
///
/// The flag is a state byte: besides [`EMPTY`] and [`FULL`] it can hold an owner's own
/// states ([`UNSTARTED`], [`DONE`]), so [`AsyncGen`](crate::AsyncGen) keeps its whole
/// state in this one byte: one check on the hot path, no separate discriminant.
pub(crate) struct Slot<T> {
    inner: UnsafeCell<SlotInner<T>>,
}

struct SlotInner<T> {
    state: u8,
    value: MaybeUninit<T>,
}

/// No value; the owner's body, if any, is running.
pub(crate) const EMPTY: u8 = 0;
/// `value` is initialised and not yet handed out.
pub(crate) const FULL: u8 = 1;
/// No value; the owner has not started its body.
pub(crate) const UNSTARTED: u8 = 2;
/// No value; the owner's body has finished.
pub(crate) const DONE: u8 = 3;

impl<T> Slot<T> {
    pub(crate) const fn new() -> Self {
        Self::with_state(EMPTY)
    }

    /// An empty slot in one of the owner's states ([`EMPTY`], [`UNSTARTED`], [`DONE`]).
    pub(crate) const fn with_state(state: u8) -> Self {
        Self {
            inner: UnsafeCell::new(SlotInner {
                state,
                value: MaybeUninit::uninit(),
            }),
        }
    }

    /// Stores `value`, dropping a value that was never handed out (a yield whose future
    /// was dropped before the generator returned to its consumer).
    #[inline(always)]
    pub(crate) fn put(&self, value: T) {
        let inner = self.inner.get();
        // SAFETY: `Slot` is `!Sync` and no reference into it is ever handed out, so no
        // other access to `inner` is live while this function runs (the same argument
        // as for `Cell`).
        unsafe {
            // (An unclaimed value without drop glue is simply overwritten.)
            if core::mem::needs_drop::<T>() && (*inner).state == FULL {
                // `EMPTY` first: a panicking drop must not leave the value to be
                // dropped again.
                (*inner).state = EMPTY;
                drop_unclaimed(&mut (*inner).value);
            }
            (*inner).value = MaybeUninit::new(value);
            (*inner).state = FULL;
        }
    }

    /// Takes the value out, if there is one, leaving the slot [`EMPTY`].
    #[inline(always)]
    pub(crate) fn take(&self) -> Option<T> {
        let inner = self.inner.get();
        // SAFETY: as in `put`: no other access to `inner` is live. The state is `FULL`
        // exactly when `value` holds an initialised value that nobody has taken.
        unsafe {
            if (*inner).state == FULL {
                (*inner).state = EMPTY;
                Some((*inner).value.assume_init_read())
            } else {
                None
            }
        }
    }

    #[inline(always)]
    pub(crate) fn state(&self) -> u8 {
        // SAFETY: as in `put`.
        unsafe { (*self.inner.get()).state }
    }

    /// Sets one of the owner's states. The slot must not be [`FULL`] (the value would
    /// be forgotten).
    #[inline(always)]
    pub(crate) fn set_state(&self, state: u8) {
        debug_assert!(self.state() != FULL && state != FULL);
        // SAFETY: as in `put`.
        unsafe { (*self.inner.get()).state = state }
    }
}

#[cold]
#[inline(never)]
fn drop_unclaimed<T>(value: &mut MaybeUninit<T>) {
    // SAFETY: the caller saw the state `FULL`, so `value` is initialised; it is
    // overwritten right after, so it is never read again.
    unsafe { value.assume_init_drop() }
}

impl<T> Drop for Slot<T> {
    fn drop(&mut self) {
        drop(self.take());
    }
}

/// The body's handle to its generator's slot. Created by the runtime on the first
/// poll; the macros bind it to a name user code cannot write.
pub struct Yielder<T> {
    slot: NonNull<Slot<T>>,
    /// Invariant in `T`: a covariant handle would let a `Yielder<&'long U>` accept a
    /// `&'short U` (the async-stream #107 hole).
    _invariant: PhantomData<fn(T) -> T>,
}

// SAFETY: a `Yielder` only ever touches its slot while the generator owning that slot
// is polling the body that owns the `Yielder` (see the module docs), so moving the body
// to another thread moves the slot's only user along with it. What crosses threads is a
// `T`, hence `T: Send`.
unsafe impl<T: Send> Send for Yielder<T> {}
// SAFETY: `&Yielder` gives access to nothing: every method takes `&mut self`.
unsafe impl<T> Sync for Yielder<T> {}

impl<T> Yielder<T> {
    /// # Safety
    /// `slot` must stay valid, and at the same address, for as long as this `Yielder`
    /// or any [`Yield`] made from it is used, and may only be used while its owner polls
    /// the body holding this `Yielder`.
    #[inline(always)]
    pub(crate) unsafe fn new(slot: NonNull<Slot<T>>) -> Self {
        Self {
            slot,
            _invariant: PhantomData,
        }
    }

    #[inline(always)]
    fn slot(&self) -> &Slot<T> {
        // SAFETY: `new`'s contract keeps the slot alive while `self` is in use.
        unsafe { self.slot.as_ref() }
    }

    /// Hands `value` to the consumer: the returned future is `Pending` until the
    /// generator has returned the value from `poll_next` / `next` / `resume`, then
    /// `Ready`. Taking `&mut self` makes two yields in flight at once a borrow error.
    #[doc(hidden)]
    #[inline(always)]
    pub fn yield_(&mut self, value: T) -> Yield<'_> {
        self.slot().put(value);
        Yield {
            polled: false,
            _borrow: PhantomData,
        }
    }

    /// The error path of `?`: stores the item made from the error as the last item.
    /// The body returns right after, without awaiting, so nothing it holds lives
    /// across a suspension point here (a non-`Send` guard in scope does not make the
    /// stream `!Send`).
    #[doc(hidden)]
    #[inline]
    pub fn yield_residual<R>(&mut self, residual: R)
    where
        T: crate::try_item::FromResidual<R>,
    {
        self.slot()
            .put(crate::try_item::FromResidual::from_residual(residual));
    }
}

impl<T> fmt::Debug for Yielder<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Yielder").finish_non_exhaustive()
    }
}

/// The future a yield awaits: `Pending` while the yielded value waits in the slot,
/// `Ready` once the consumer has it.
///
/// The value is in the slot before this future exists, so the future holds no pointer,
/// only whether it has been polled (its type does not mention the item type, so a
/// yielded value of the wrong type is reported at the value alone). Its first poll
/// returns `Pending`, which suspends the body, and the generator, seeing the full
/// slot, hands the value out before returning. Any later poll comes after the body was
/// suspended and resumed, so after the value was handed out: it is `Ready`. (Polling
/// it twice within one step of the body, which no `.await` does, makes it `Ready`
/// early: the value then stays in the slot until the body suspends or yields again,
/// and is handed out or dropped, never both.)
#[must_use = "the value is handed over only when the generator is suspended; `.await` this"]
pub struct Yield<'a> {
    polled: bool,
    /// Borrows the `Yielder` mutably: at most one `Yield` exists per generator.
    _borrow: PhantomData<&'a mut ()>,
}

impl Future for Yield<'_> {
    type Output = ();

    #[inline(always)]
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<()> {
        if self.polled {
            Poll::Ready(())
        } else {
            // No waker is registered: the generator sees the full slot as soon as the
            // body returns `Pending` and hands the value out instead of waiting.
            self.polled = true;
            Poll::Pending
        }
    }
}

impl fmt::Debug for Yield<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Yield").finish_non_exhaustive()
    }
}
