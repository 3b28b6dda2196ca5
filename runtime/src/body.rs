//! The state machine every generator kind is made of: the closure that builds the
//! body, then the body future, then nothing, beside the slots the body yields into.

use core::cell::{Cell, UnsafeCell};
use core::future::Future;
use core::marker::PhantomPinned;
use core::mem::ManuallyDrop;
use core::pin::Pin;
use core::task::{Context, Poll};

use crate::close::{AfterYield, Cleanup, yielded_while_closing};
use crate::handle::CoSlots;
use crate::slot::Slot;

/// Where a body is in its life.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum State {
    /// The body future is live. (Zero: the hot path compares with it.)
    Running = 0,
    /// The closure is live: the body has not been built (nothing of it has run).
    Unstarted,
    /// Neither: the body finished, panicked or was dropped.
    Done,
    /// The body future is live and being closed: only a close polls it (see
    /// [`BodyCell::poll_close`]).
    Closing,
}

/// A [`BodyCell`]'s state. It lives in the cell's slots, in a byte of padding (see
/// [`Slot`]), and only this module reads or writes it.
pub(crate) struct Lifecycle(Cell<State>);

impl Lifecycle {
    pub(crate) const fn new() -> Self {
        Self(Cell::new(State::Unstarted))
    }
}

/// The slots a body yields into, and which of them keeps the body's [`Lifecycle`] and
/// its close protocol's [`Cleanup`].
///
/// # Safety
/// `lifecycle` returns the same `Lifecycle` every time, one that no other cell uses.
pub(crate) unsafe trait Slots {
    fn lifecycle(&self) -> &Lifecycle;

    /// The close protocol's state (see `close.rs`); not part of the safety argument.
    fn cleanup(&self) -> &Cleanup;

    /// Drops a value the body yielded and nobody took; says whether there was one.
    fn drop_yielded(&self) -> bool;
}

// SAFETY: the slot's own field.
unsafe impl<T> Slots for Slot<T> {
    #[inline(always)]
    fn lifecycle(&self) -> &Lifecycle {
        &self.lifecycle
    }

    #[inline(always)]
    fn cleanup(&self) -> &Cleanup {
        &self.cleanup
    }

    fn drop_yielded(&self) -> bool {
        self.take().is_some()
    }
}

// SAFETY: the yielded slot's field (the sent slot's is unused).
unsafe impl<Y, R> Slots for CoSlots<Y, R> {
    #[inline(always)]
    fn lifecycle(&self) -> &Lifecycle {
        &self.yielded.lifecycle
    }

    #[inline(always)]
    fn cleanup(&self) -> &Cleanup {
        &self.yielded.cleanup
    }

    fn drop_yielded(&self) -> bool {
        self.yielded.take().is_some()
    }
}

/// A generator's body and its slots: the closure `F` until the first poll, then the
/// future `Fut` it builds, in the same place.
///
/// The body is built on the first poll rather than when the generator is made because
/// only then is the generator pinned, so the address of its slots (which the closure is
/// handed) is final.
///
/// The closure and the future share a union, and the lifecycle says which one is live.
/// Every method upholds that, which is this type's whole safety argument:
/// - The lifecycle changes to [`State::Done`] before the live value is moved out or
///   dropped, so a panic there (in the closure, or in a destructor of the body's
///   locals) leaves a cell that drops nothing twice. A destructor may still yield while
///   the body is dropped: its value lands in a slot, which drops it once.
/// - The future is pinned: the cell is only reached through `Pin<&mut Self>` (or
///   `&mut self` in `Drop`), never moves the future, and drops it in place, before the
///   slots it points into.
/// - The cell is `!Unpin`, so a `&mut` to it does not claim uniqueness over the
///   pointers the future keeps into itself (the rule that makes async blocks'
///   self-references sound, which the body future relies on like any async block), and
///   the slots are only ever reached through shared references, so the handle's
///   pointer into them stays valid.
#[repr(C)]
pub(crate) struct BodyCell<F, Fut, S: Slots> {
    /// First (`repr(C)`), so the slots' address is the cell's own: measured in
    /// `benches/`, it saves the hot path an address computation. Dropped after the
    /// live body, which `Drop::drop` drops: a destructor in the body may still yield
    /// into them.
    slots: S,
    /// In an `UnsafeCell`, so a shared reference to the cell (or to its owner, as
    /// `is_terminated` and `Debug` take) asserts nothing about the body's bytes, where
    /// the future keeps its mutable borrows of its own locals between polls.
    body: UnsafeCell<Body<F, Fut>>,
    _pinned: PhantomPinned,
}

union Body<F, Fut> {
    make: ManuallyDrop<F>,
    fut: ManuallyDrop<Fut>,
}

impl<F, Fut, S: Slots> BodyCell<F, Fut, S> {
    pub(crate) const fn new(make: F, slots: S) -> Self {
        Self {
            slots,
            body: UnsafeCell::new(Body {
                make: ManuallyDrop::new(make),
            }),
            _pinned: PhantomPinned,
        }
    }

    #[inline(always)]
    pub(crate) fn slots(&self) -> &S {
        &self.slots
    }

    #[inline(always)]
    pub(crate) fn state(&self) -> State {
        self.slots.lifecycle().0.get()
    }

    #[inline(always)]
    fn set_state(&self, state: State) {
        self.slots.lifecycle().0.set(state);
    }

    /// Drops whichever value is live, and marks the cell done.
    fn drop_live(&mut self) {
        let state = self.state();
        self.set_state(State::Done);
        match state {
            // SAFETY: the state was `Unstarted`, so the closure is live; it now says
            // `Done`, so this is the closure's only drop.
            State::Unstarted => unsafe { ManuallyDrop::drop(&mut self.body.get_mut().make) },
            // SAFETY: the state was `Running` or `Closing`, so the future is live; it
            // now says `Done`, so this is its only drop, and it happens in place.
            State::Running | State::Closing => unsafe {
                ManuallyDrop::drop(&mut self.body.get_mut().fut)
            },
            State::Done => {}
        }
    }

    /// Drops the closure or the body future (the body's locals run their destructors)
    /// and marks the cell done.
    pub(crate) fn finish(self: Pin<&mut Self>) {
        // SAFETY: `drop_live` moves nothing out of the cell.
        unsafe { self.get_unchecked_mut() }.drop_live();
    }
}

impl<F, Fut: Future, S: Slots> BodyCell<F, Fut, S> {
    /// Builds the body future with `build` (from the closure and the slots), if the
    /// body has not been built yet; says whether it was.
    #[cold]
    pub(crate) fn start(self: Pin<&mut Self>, build: impl FnOnce(F, &S) -> Fut) -> bool {
        // SAFETY: the future is written in place and never moved.
        unsafe { self.get_unchecked_mut() }.start_in_place(build)
    }

    #[cold]
    fn start_in_place(&mut self, build: impl FnOnce(F, &S) -> Fut) -> bool {
        if self.state() != State::Unstarted {
            return false;
        }
        self.set_state(State::Done);
        // SAFETY: the state was `Unstarted`, so the closure is live; it now says
        // `Done`, so the closure is moved out only once.
        let make = unsafe { ManuallyDrop::take(&mut self.body.get_mut().make) };
        self.body.get_mut().fut = ManuallyDrop::new(build(make, &self.slots));
        self.set_state(State::Running);
        true
    }

    /// Polls the body: `Ready(Some(output))` when it finishes now (its state is
    /// dropped at once), `Ready(None)` when it is not running (not built yet, or
    /// done), and `Pending`. A panic out of the body's `poll` finishes the cell and
    /// propagates.
    #[inline(always)]
    pub(crate) fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Fut::Output>> {
        self.poll_in(State::Running, cx)
    }

    /// [`BodyCell::poll`], for a body in `state` (`Running`, or `Closing` for a close).
    #[inline(always)]
    fn poll_in(
        self: Pin<&mut Self>,
        state: State,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Fut::Output>> {
        // SAFETY: nothing is moved out of the cell.
        let this = unsafe { self.get_unchecked_mut() };
        if this.state() != state {
            return Poll::Ready(None);
        }
        let on_unwind = FinishOnUnwind(&mut *this);
        // SAFETY: `Running` or `Closing`, so the future is live; it is pinned (see the
        // type's docs).
        let fut = unsafe { Pin::new_unchecked(&mut *on_unwind.0.body.get_mut().fut) };
        let polled = fut.poll(cx);
        core::mem::forget(on_unwind);
        match polled {
            Poll::Pending => Poll::Pending,
            Poll::Ready(output) => {
                this.drop_live();
                Poll::Ready(Some(output))
            }
        }
    }
}

impl<F, Fut: Future, S: Slots> BodyCell<F, Fut, S> {
    /// Drives a close (the protocol is in `close.rs`): `Ready(Some(output))` if the body
    /// finished by itself on the way (a `return` in deferred code), `Ready(None)` once
    /// it was dropped, or if it had not started or had already finished. Afterwards the
    /// cell is done, and any value the body yielded on the way has been dropped.
    ///
    /// A body outside every cleanup scope is dropped at once. One inside is polled
    /// until it has left: the yield it is suspended at takes the request and leaves by
    /// the body's exits, through its deferred code. A body in the middle of a step
    /// (its last poll was `Pending` without a value) first finishes the step; the
    /// value of the yield that ends it has nobody to go to and is dropped.
    ///
    /// # Panics
    /// If the body yields once the close was delivered (the cell is finished first).
    pub(crate) fn poll_close(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Fut::Output>> {
        match self.state() {
            State::Done => return Poll::Ready(None),
            State::Unstarted => {
                self.finish();
                return Poll::Ready(None);
            }
            State::Running if !self.slots.cleanup().pending() => return self.dropped(),
            State::Running => {
                self.slots.cleanup().request();
                self.set_state(State::Closing);
            }
            State::Closing => {}
        }
        loop {
            match self.as_mut().poll_in(State::Closing, cx) {
                Poll::Ready(output) => {
                    // A value stored on the way out (a `?` error) has nobody to go to.
                    self.slots.drop_yielded();
                    return Poll::Ready(output);
                }
                Poll::Pending if !self.slots.drop_yielded() => {
                    if self.slots.cleanup().parked() {
                        return self.dropped();
                    }
                    // Deferred code (or the rest of a step) waits for something.
                    return Poll::Pending;
                }
                // It yielded, and the value was dropped.
                Poll::Pending => match self.slots.cleanup().after_yield() {
                    AfterYield::Again => {}
                    AfterYield::Finish => return self.dropped(),
                    AfterYield::Ignored => {
                        let _ = self.dropped();
                        yielded_while_closing();
                    }
                },
            }
        }
    }

    /// Drops the body (and a value a destructor in it yielded): the end of a close.
    fn dropped(mut self: Pin<&mut Self>) -> Poll<Option<Fut::Output>> {
        self.as_mut().finish();
        self.slots.drop_yielded();
        Poll::Ready(None)
    }
}

/// Finishes the cell if the body's `poll` panics, so the body is never resumed after a
/// panic and its state is dropped once.
struct FinishOnUnwind<'a, F, Fut, S: Slots>(&'a mut BodyCell<F, Fut, S>);

impl<F, Fut, S: Slots> Drop for FinishOnUnwind<'_, F, Fut, S> {
    #[cold]
    fn drop(&mut self) {
        self.0.drop_live();
    }
}

impl<F, Fut, S: Slots> Drop for BodyCell<F, Fut, S> {
    fn drop(&mut self) {
        self.drop_live();
    }
}
