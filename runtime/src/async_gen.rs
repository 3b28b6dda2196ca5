//! The runtime type behind `#[async_gen]` and `stream!`.

use core::fmt;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_core::{FusedStream, Stream};

use crate::body::{BodyCell, State};
use crate::close::AsyncClose;
use crate::handle::YieldToken;
use crate::slot::Slot;

/// An async generator: a [`Stream`] whose items are the values its body yields.
///
/// Made by `#[async_gen]` and `stream!`; not constructed by hand. Like any async
/// block it is `!Unpin`: pin it (`core::pin::pin!`, `Box::pin`) to poll it, or use
/// `#[for_await]`, which pins for you.
pub struct AsyncGen<T, F, Fut> {
    /// The body, and the slot it yields into: the value the generator has not handed
    /// out yet.
    cell: BodyCell<F, Fut, Slot<T>>,
}

// SAFETY: a shared `&AsyncGen` reads the body's state and nothing else (`is_terminated`,
// `Debug`); the slot, the closure and the body are only reached through
// `Pin<&mut Self>`.
unsafe impl<T, F, Fut> Sync for AsyncGen<T, F, Fut> {}

// Never `Unpin` (its body is an `async` block, which may borrow from itself): the
// bound is never met. Written out rather than left to the fields, so that polling an
// unpinned stream is one error that says to pin it, not a tour of the fields.
impl<T, F, Fut> Unpin for AsyncGen<T, F, Fut> where T: MustBePinned {}

/// The bound that keeps an [`AsyncGen`] from being `Unpin`: no type meets it.
///
/// It exists for its compile error. Calling `StreamExt::next` (or anything that needs
/// `Unpin`) on a stream that is not pinned reports "this generator must be pinned
/// before it is polled", with the fix: pin it in place with `core::pin::pin!`, or on
/// the heap with `Box::pin`. It cannot be implemented outside yieldkit.
#[diagnostic::on_unimplemented(
    message = "this generator must be pinned before it is polled",
    label = "not pinned",
    note = "pin it in place with `let mut s = core::pin::pin!(s);`, or on the heap with `Box::pin(s)`"
)]
pub trait MustBePinned: sealed::Sealed {}

mod sealed {
    /// Implemented by nothing: no type meets `MustBePinned`.
    pub trait Sealed {}
}

impl<T, F, Fut> AsyncGen<T, F, Fut>
where
    F: FnOnce(YieldToken<T>) -> Fut,
    Fut: Future<Output = ()>,
{
    /// Wraps a body closure. It is called on the first poll, never before, with a
    /// token for this generator's slot (see [`YieldToken`]).
    #[inline(always)]
    pub const fn new(body: F) -> Self {
        Self {
            cell: BodyCell::new(body, Slot::new()),
        }
    }

    /// Polls the body once: what every generator kind's step is made of.
    ///
    /// `Ready(Some(v))` for a yield, `Ready(None)` once the body has finished (after
    /// handing out a value it stored on its way out, such as the error of a `?`), and
    /// `Pending` when the body waits for something else.
    #[inline(always)]
    pub(crate) fn step(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<T>> {
        let mut cell = self.cell();
        if cell.state() != State::Running
            && !cell
                .as_mut()
                .start(|make, slot| make(YieldToken::new(slot)))
        {
            return Poll::Ready(None);
        }
        let polled = cell.as_mut().poll(cx);
        let slot = cell.slots();
        match polled {
            Poll::Pending => match slot.take() {
                Some(value) => Poll::Ready(Some(value)),
                None => waiting(),
            },
            // A value stored by the body's last act (a `?` error) is its last item.
            Poll::Ready(Some(())) => Poll::Ready(slot.take()),
            Poll::Ready(None) => Poll::Ready(None),
        }
    }
}

/// `Pending` for a body that waits for something other than its consumer: marked cold
/// so the optimiser lays out the path of a yield first (measured in `benches/`).
#[cold]
#[inline(never)]
fn waiting<T>() -> Poll<Option<T>> {
    Poll::Pending
}

impl<T, F, Fut> AsyncGen<T, F, Fut> {
    fn cell(self: Pin<&mut Self>) -> Pin<&mut BodyCell<F, Fut, Slot<T>>> {
        // SAFETY: `cell` is pinned structurally: never moved out of `self`, which has no
        // `Drop` impl and is `!Unpin` through it.
        unsafe { self.map_unchecked_mut(|this| &mut this.cell) }
    }

    /// Drops the closure or the body (its locals run their destructors), and any value
    /// a destructor yielded, and marks the generator finished: what a sync generator
    /// does when its body awaited.
    pub(crate) fn finish(self: Pin<&mut Self>) {
        let mut cell = self.cell();
        cell.as_mut().finish();
        drop(cell.slots().take());
    }

    /// Whether the body has finished, or is being closed: no item comes any more.
    pub(crate) fn is_done(&self) -> bool {
        matches!(self.cell.state(), State::Done | State::Closing)
    }
}

/// Closes the generator: its body leaves from the yield it is suspended at, running its
/// deferred code; see [`AsyncClose`].
impl<T, F, Fut> AsyncClose for AsyncGen<T, F, Fut>
where
    F: FnOnce(YieldToken<T>) -> Fut,
    Fut: Future<Output = ()>,
{
    // Out of line: a loop that owns a generator calls it once, when it ends, and the
    // close driver inlined into the loop's own code costs it on every item (W4).
    #[inline(never)]
    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.cell().poll_close(cx).map(drop)
    }
}

impl<T, F, Fut> Stream for AsyncGen<T, F, Fut>
where
    F: FnOnce(YieldToken<T>) -> Fut,
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
    F: FnOnce(YieldToken<T>) -> Fut,
    Fut: Future<Output = ()>,
{
    fn is_terminated(&self) -> bool {
        self.is_done()
    }
}

impl<T, F, Fut> fmt::Debug for AsyncGen<T, F, Fut> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.cell.state() {
            State::Unstarted => "unstarted",
            State::Running => "running",
            State::Done => "done",
            State::Closing => "closing",
        };
        f.debug_struct("AsyncGen")
            .field("state", &state)
            .finish_non_exhaustive()
    }
}
