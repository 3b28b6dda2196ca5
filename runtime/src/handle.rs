//! The body's handle to its generator: how a yield reaches the slot, and why nothing
//! safe code does with the handle can make that unsound.
//!
//! # How the body gets its handle
//!
//! The generator builds its body on the first poll, when it is pinned, by calling the
//! body closure with a token: a [`YieldToken`] (or, for a coroutine, a
//! [`CoYieldToken`]) that holds the address of the generator's slot. A token can do
//! nothing. The body future the closure returns begins by turning it into a handle:
//!
//! ```text
//! move |token| async move {
//!     let brand = Brand::new();
//!     let mut handle = unsafe { Yielder::new(token, &brand) }; // Yielder<'brand, T>
//!     ..the body, whose yields are `handle.yield_(value).await`..
//! }
//! ```
//!
//! `Yielder::new` is an `unsafe fn`, and its only caller is the runtime's own
//! `__generator_body!` macro, which every expansion invokes with the body's tokens.
//! It writes this prologue, and names the constructor, the token's type and `Brand`
//! with `$crate` paths: a proc macro's `::yieldkit::..` paths resolve in the user's crate,
//! which could point them at look-alikes (`extern crate self as yieldkit;`), but `$crate`
//! cannot be redirected. No token a user macro in the body is given contains `unsafe`.
//! A closure handed to a public constructor by hand receives a token it cannot use
//! without writing `unsafe` itself.
//!
//! # The safety argument
//!
//! The handle's lifetime `'b` is a borrow of `brand`, a local of the body future, and
//! it is invariant. So a value whose type mentions `'b` (the handle, a `Yield` or
//! `CoYield` borrowed from it, a closure or future that captured either) can only be
//! kept in the body's own locals, or in values those locals own: storing it anywhere
//! that outlives the body, or in a place whose type was fixed outside the body (a
//! thread-local, a static, a spawned task or thread, a collection passed in as an
//! argument, another generator's handle through `mem::swap`), would need `'b` to be
//! longer than `brand` lives, which is a borrow error (E0597). In particular, the
//! handle of a generator nested in another's body and the outer one's handle have
//! different brands, so they cannot be swapped or confused.
//!
//! Code that holds such a value runs only inside the body's `poll` or `drop`: only the
//! body's own code (and what it calls) can reach its locals. That code may pass the
//! handle to another thread only through a scoped API that joins the thread before
//! returning (`std::thread::scope`): safe Rust offers no way to keep a non-`'static`
//! value in use on another thread after the call that lent it returns, because the
//! caller's future could be leaked (the reason scoped async tasks cannot be sound).
//!
//! The generator, for its part, touches the slot only between the body's `poll` and
//! `drop` calls (and after the body is dropped, to drop a value still in the slot), on
//! the thread that owns the generator. So every access to the slot is ordered: there is
//! no data race, and no access outlives the slot, which is dropped after the body.
//!
//! The rest:
//! - `T` is invariant in the token and the handle, so a short-lived borrow cannot be
//!   yielded as a longer-lived item (the async-stream #107 hole).
//! - Yielding takes `&mut self`, so at most one `Yield` per handle exists at a time;
//!   each token makes one handle.
//! - A handle may be used while the body is being dropped (a drop guard that yields),
//!   or after a yield's future was dropped unpolled: the slot then holds a value the
//!   generator never hands out, and drops it, once ([`Slot`] drops an untaken value
//!   when it is overwritten or dropped).
//! - `Send`: moving the body to another thread moves its handle with it, and the
//!   argument above holds on whichever thread polls; what crosses threads is a `T`.
//!   `Sync`: a shared `&` handle gives access to nothing (every method that touches a
//!   slot takes `&mut self`).

use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::ptr::NonNull;
use core::task::{Context, Poll};

use crate::close::Cleanup;
use crate::slot::Slot;

/// `fn(T) -> T`: invariant in `T`.
type Invariant<T> = PhantomData<fn(T) -> T>;

/// Invariant in `'b`.
type Branded<'b> = PhantomData<fn(&'b ()) -> &'b ()>;

/// What a generator hands its body closure on the first poll: the address of its slot.
///
/// It has no safe use. The body turns it into a [`Yielder`] with the `unsafe`
/// [`Yielder::new`]; see the [crate documentation](crate#explanation-what-async_gen-expands-to).
pub struct YieldToken<T> {
    slot: NonNull<Slot<T>>,
    _item: Invariant<T>,
}

/// The lifetime a body's handle is bounded by: a local of the body, borrowed.
#[derive(Debug)]
pub struct Brand(());

impl Brand {
    /// A brand, to be kept in a local of the body future and borrowed by its handle.
    #[inline(always)]
    #[must_use]
    pub const fn new() -> Self {
        Self(())
    }
}

impl Default for Brand {
    fn default() -> Self {
        Self::new()
    }
}

/// A generator body's handle to its generator: the body yields through it.
///
/// Made at the top of the body future from the [`YieldToken`] the generator hands it,
/// and bounded by a borrow of a local of that future (see [`Yielder::new`]).
pub struct Yielder<'b, T> {
    slot: NonNull<Slot<T>>,
    _brand: Branded<'b>,
    _item: Invariant<T>,
}

/// What a coroutine hands its body closure on the first resume: the address of its
/// slots. Like [`YieldToken`], it has no safe use.
pub struct CoYieldToken<Y, R> {
    slots: NonNull<CoSlots<Y, R>>,
    _types: Invariant<(Y, R)>,
}

/// A coroutine body's handle: it yields a value out and receives the sent one.
pub struct CoYielder<'b, Y, R> {
    slots: NonNull<CoSlots<Y, R>>,
    _brand: Branded<'b>,
    _types: Invariant<(Y, R)>,
}

/// A coroutine's two slots: the value yielded out and the value sent in.
pub(crate) struct CoSlots<Y, R> {
    pub(crate) yielded: Slot<Y>,
    pub(crate) sent: Slot<R>,
}

// SAFETY: a token gives access to nothing without `unsafe`.
unsafe impl<T> Send for YieldToken<T> {}
// SAFETY: as above.
unsafe impl<T> Sync for YieldToken<T> {}
// SAFETY: as above.
unsafe impl<Y, R> Send for CoYieldToken<Y, R> {}
// SAFETY: as above.
unsafe impl<Y, R> Sync for CoYieldToken<Y, R> {}
// SAFETY: see the module docs ("`Send`").
unsafe impl<T: Send> Send for Yielder<'_, T> {}
// SAFETY: see the module docs ("`Sync`").
unsafe impl<T> Sync for Yielder<'_, T> {}
// SAFETY: see the module docs ("`Send`"); what crosses threads is a `Y` and an `R`.
unsafe impl<Y: Send, R: Send> Send for CoYielder<'_, Y, R> {}
// SAFETY: see the module docs ("`Sync`").
unsafe impl<Y, R> Sync for CoYielder<'_, Y, R> {}

impl<T> YieldToken<T> {
    /// The token for `slot`, which must be pinned in the generator that owns the body.
    #[inline(always)]
    pub(crate) fn new(slot: &Slot<T>) -> Self {
        Self {
            slot: NonNull::from(slot),
            _item: PhantomData,
        }
    }
}

impl<Y, R> CoYieldToken<Y, R> {
    /// The token for `slots`, which must be pinned in the coroutine that owns the body.
    #[inline(always)]
    pub(crate) fn new(slots: &CoSlots<Y, R>) -> Self {
        Self {
            slots: NonNull::from(slots),
            _types: PhantomData,
        }
    }
}

impl<'b, T> Yielder<'b, T> {
    /// Turns the token into the body's handle, bounded by a borrow of `brand`.
    ///
    /// # Safety
    /// `token` is the one the generator handed to the closure that made this body
    /// future, and `brand` is a local variable of that future's own body (declared in
    /// the `async` block itself, not in a closure, nested block future or item inside
    /// it). Then the module's argument applies: every use of the handle happens while
    /// the generator polls or drops this body, and the slot outlives it.
    #[inline(always)]
    pub unsafe fn new(token: YieldToken<T>, brand: &'b Brand) -> Self {
        let _ = brand;
        Self {
            slot: token.slot,
            _brand: PhantomData,
            _item: PhantomData,
        }
    }

    #[inline(always)]
    fn slot(&self) -> &Slot<T> {
        // SAFETY: the handle is used only while the slot is alive and the generator is
        // not using it (the module's argument).
        unsafe { self.slot.as_ref() }
    }

    /// Hands `value` to the consumer: the returned future is `Pending` until the
    /// generator has returned the value from `poll_next` / `next`, then `Ready`.
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
    #[inline(always)]
    pub fn yield_last(&mut self, item: T) {
        self.slot().put(item);
    }

    /// After a yield in a cleanup scope: whether the generator is being closed, so the
    /// body must leave (by its exits, through its deferred code). Says so once.
    #[inline(always)]
    pub fn closing(&self) -> bool {
        self.slot().cleanup.take_request()
    }

    /// The body enters a cleanup scope (a `defer!`, a loop that owns a generator): a
    /// close must now run the body rather than drop it.
    #[inline(always)]
    pub fn enter_cleanup(&self) {
        self.slot().cleanup.enter();
    }

    /// The body leaves the cleanup scope it entered last, before its deferred code.
    #[inline(always)]
    pub fn leave_cleanup(&self) {
        self.slot().cleanup.leave();
    }
}

impl<'b, Y, R> CoYielder<'b, Y, R> {
    /// Turns the token into the coroutine body's handle, bounded by a borrow of
    /// `brand`.
    ///
    /// # Safety
    /// As for [`Yielder::new`]: `token` is the one the coroutine handed to the closure
    /// that made this body future, and `brand` is a local variable of that future's
    /// own body.
    #[inline(always)]
    pub unsafe fn new(token: CoYieldToken<Y, R>, brand: &'b Brand) -> Self {
        let _ = brand;
        Self {
            slots: token.slots,
            _brand: PhantomData,
            _types: PhantomData,
        }
    }

    /// Hands `value` out; the returned future resolves to the value sent by the next
    /// resume.
    #[inline(always)]
    pub fn yield_(&mut self, value: Y) -> CoYield<'_, R> {
        let slots = self.slots();
        slots.yielded.put(value);
        CoYield {
            sent: NonNull::from(&slots.sent),
            polled: false,
            _borrow: PhantomData,
        }
    }

    #[inline(always)]
    fn slots(&self) -> &CoSlots<Y, R> {
        // SAFETY: the handle is used only while the slots are alive and the coroutine
        // is not using them (the module's argument).
        unsafe { self.slots.as_ref() }
    }

    /// A yield in a cleanup scope: like [`CoYielder::yield_`], but the future resolves
    /// to `None` when the coroutine is being closed, and the body must leave.
    #[inline(always)]
    pub fn yield_closable(&mut self, value: Y) -> CoYieldClosable<'_, R> {
        let slots = self.slots();
        slots.yielded.put(value);
        CoYieldClosable {
            sent: NonNull::from(&slots.sent),
            cleanup: NonNull::from(&slots.yielded.cleanup),
            polled: false,
            _borrow: PhantomData,
        }
    }

    /// Where a body that left for a close ends: a future that never completes, which
    /// tells the coroutine to drop the body (a coroutine's body has no value to return
    /// then).
    #[inline(always)]
    pub fn park(&mut self) -> Park<'_> {
        Park {
            cleanup: NonNull::from(&self.slots().yielded.cleanup),
            _borrow: PhantomData,
        }
    }

    /// As [`Yielder::enter_cleanup`].
    #[inline(always)]
    pub fn enter_cleanup(&self) {
        self.slots().yielded.cleanup.enter();
    }

    /// As [`Yielder::leave_cleanup`].
    #[inline(always)]
    pub fn leave_cleanup(&self) {
        self.slots().yielded.cleanup.leave();
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
    /// Borrows the handle mutably: at most one `Yield` exists per handle.
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

/// The future a coroutine's yield awaits: `Pending` until the consumer has taken the
/// yielded value and sent one back, then `Ready` with the sent value.
///
/// It points at the sent-value slot only, so its type does not mention the yielded
/// type (a yielded value of the wrong type is reported at the value alone).
#[must_use = "the value is handed over only when the coroutine is suspended; `.await` this"]
pub struct CoYield<'a, R> {
    sent: NonNull<Slot<R>>,
    /// As for [`Yield`]: the first poll suspends the body; a later one comes after a
    /// resume.
    polled: bool,
    /// Borrows the handle mutably, so the module's argument covers this pointer too.
    _borrow: PhantomData<&'a mut ()>,
}

// SAFETY: as for `CoYielder`, which this borrows mutably; what it reads is an `R`.
unsafe impl<R: Send> Send for CoYield<'_, R> {}
// SAFETY: a shared `&CoYield` gives access to nothing.
unsafe impl<R> Sync for CoYield<'_, R> {}

impl<R> Future for CoYield<'_, R> {
    type Output = R;

    #[inline(always)]
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<R> {
        if !self.polled {
            self.polled = true;
            return Poll::Pending;
        }
        // SAFETY: this borrows the handle the pointer came from, so the module's
        // argument holds for it.
        let sent = unsafe { self.sent.as_ref() };
        match sent.take() {
            Some(sent) => Poll::Ready(sent),
            // Polled twice within one step: the coroutine has not resumed yet.
            None => Poll::Pending,
        }
    }
}

/// The future of [`CoYielder::yield_closable`]: the sent value, or `None` when the
/// coroutine is being closed.
#[must_use = "the value is handed over only when the coroutine is suspended; `.await` this"]
pub struct CoYieldClosable<'a, R> {
    sent: NonNull<Slot<R>>,
    cleanup: NonNull<Cleanup>,
    /// As for [`Yield`].
    polled: bool,
    /// Borrows the handle mutably, so the module's argument covers these pointers too.
    _borrow: PhantomData<&'a mut ()>,
}

// SAFETY: as for `CoYield`.
unsafe impl<R: Send> Send for CoYieldClosable<'_, R> {}
// SAFETY: a shared `&CoYieldClosable` gives access to nothing.
unsafe impl<R> Sync for CoYieldClosable<'_, R> {}

impl<R> Future for CoYieldClosable<'_, R> {
    type Output = Option<R>;

    #[inline(always)]
    fn poll(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<R>> {
        if !self.polled {
            self.polled = true;
            return Poll::Pending;
        }
        // SAFETY: this borrows the handle the pointers came from, so the module's
        // argument holds for them.
        let (sent, cleanup) = unsafe { (self.sent.as_ref(), self.cleanup.as_ref()) };
        if cleanup.take_request() {
            return Poll::Ready(None);
        }
        match sent.take() {
            Some(sent) => Poll::Ready(Some(sent)),
            // Polled twice within one step: the coroutine has not resumed yet.
            None => Poll::Pending,
        }
    }
}

/// The future of [`CoYielder::park`]: never ready.
#[must_use = "futures do nothing unless awaited"]
pub struct Park<'a> {
    cleanup: NonNull<Cleanup>,
    _borrow: PhantomData<&'a mut ()>,
}

// SAFETY: it reads and writes a coroutine's close state, as its handle (which it
// borrows mutably) would, only while the coroutine polls its body.
unsafe impl Send for Park<'_> {}
// SAFETY: a shared `&Park` gives access to nothing.
unsafe impl Sync for Park<'_> {}

impl Future for Park<'_> {
    type Output = core::convert::Infallible;

    #[inline]
    fn poll(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Self::Output> {
        // SAFETY: this borrows the handle the pointer came from, so the module's
        // argument holds for it.
        unsafe { self.cleanup.as_ref() }.park();
        Poll::Pending
    }
}

impl<R> fmt::Debug for CoYieldClosable<'_, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CoYieldClosable").finish_non_exhaustive()
    }
}

impl fmt::Debug for Park<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Park").finish_non_exhaustive()
    }
}

impl<T> fmt::Debug for YieldToken<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("YieldToken").finish_non_exhaustive()
    }
}

impl<Y, R> fmt::Debug for CoYieldToken<Y, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CoYieldToken").finish_non_exhaustive()
    }
}

impl<T> fmt::Debug for Yielder<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Yielder").finish_non_exhaustive()
    }
}

impl<Y, R> fmt::Debug for CoYielder<'_, Y, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CoYielder").finish_non_exhaustive()
    }
}

impl fmt::Debug for Yield<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Yield").finish_non_exhaustive()
    }
}

impl<R> fmt::Debug for CoYield<'_, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CoYield").finish_non_exhaustive()
    }
}
