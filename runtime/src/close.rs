//! Closing a generator early, with cleanup that may `.await` (Python's `aclose()` and
//! `close()`): the traits, the futures, the consumers' probe, and the two bytes of
//! state the close protocol keeps in a generator's slot.
//!
//! # The protocol
//!
//! A body that has cleanup to run (a `defer!`) says so while it is inside that code: the rewritten body counts the
//! cleanup scopes it is in ([`Cleanup`]'s depth). To close a suspended generator:
//! - outside every cleanup scope, the body is dropped, which is what leaving from its
//!   yield as by `return` would do: its locals are dropped, nothing else runs;
//! - inside one, the generator records the close request and polls the body; the
//!   rewritten yield it is suspended at sees the request (the request is *delivered*)
//!   and leaves by the body's own exits, through the cleanup scopes' deferred code
//!   (which may `.await`), to the body's end.
//!
//! The body's code is the only code that can leave its scopes, and it does so by the
//! labels a `?` and a `return` already use: closing adds no way into the body.
//! Everything here is plain state in `Cell`s; a body (or a user macro that got hold of
//! its handle) that misreports its depth or closes when it was not asked to gets a
//! close that drops it, or a generator that stops early: wrong, and reported where it
//! can be, but never unsound (nothing here decides what memory is live).

use core::cell::Cell;
use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_core::Stream;

use crate::for_await::Checked;

/// A stream that can be closed early, running its cleanup (which may `.await`) before
/// it ends: Python's `aclose()`, JavaScript's `return()`, C#'s `DisposeAsync`.
///
/// Every async generator is one (`#[async_gen]` returns `impl FusedStream<Item = T> +
/// AsyncClose`, a `stream!` block is an [`AsyncGen`](crate::AsyncGen)); call
/// [`aclose`](AsyncCloseExt::aclose) to close one. A generator that is closed leaves
/// from the `yield_!` it is suspended at as if by `return`, running its `defer!`
/// blocks, awaited; an unstarted or finished one is only marked finished. Afterwards
/// the stream yields `None` and reports `is_terminated()`.
///
/// Implemented for the generators themselves and for `Pin<Box<_>>` of one, which own
/// them, but not for `Pin<&mut _>` or `&mut _`: consumers that close the sources they
/// own (`#[for_await]` loops, `yield_from!`, `collect!`) leave a borrowed one open.
pub trait AsyncClose {
    /// Drives the close: `Ready(())` once the body has finished (or was dropped).
    ///
    /// # Panics
    /// If the body yields again once it has been told to close (a `continue` in
    /// deferred code that goes back into a loop, say): Python's "async generator
    /// ignored GeneratorExit". The generator is finished first.
    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()>;
}

#[cfg(feature = "alloc")]
impl<G: AsyncClose + ?Sized> AsyncClose for Pin<alloc::boxed::Box<G>> {
    #[inline]
    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.get_mut().as_mut().poll_close(cx)
    }
}

/// [`AsyncClose::poll_close`] as a future: `s.as_mut().aclose().await`.
pub trait AsyncCloseExt: AsyncClose {
    /// Closes the stream: its body leaves from the yield it is suspended at, its
    /// deferred code runs (awaited), and the future completes when the body has
    /// finished. A no-op on an unstarted or finished generator.
    ///
    /// ```
    /// use core::pin::pin;
    /// use futures::StreamExt;
    /// use std::cell::RefCell;
    /// use yieldkit::AsyncCloseExt;
    ///
    /// # async fn release(log: &RefCell<Vec<&str>>) { log.borrow_mut().push("released") }
    /// #[yieldkit::async_gen]
    /// async fn leased<'a>(log: &'a RefCell<Vec<&'static str>>) -> u32 {
    ///     defer! { release(log).await; }
    ///     for i in 0.. {
    ///         yield_!(i);
    ///     }
    /// }
    ///
    /// let log = RefCell::new(Vec::new());
    /// yieldkit::block_on(async {
    ///     let mut s = pin!(leased(&log));
    ///     assert_eq!(s.next().await, Some(0));
    ///     s.as_mut().aclose().await;
    ///     assert_eq!(s.next().await, None);
    /// });
    /// assert_eq!(*log.borrow(), ["released"]);
    /// ```
    fn aclose(self: Pin<&mut Self>) -> AcloseStream<'_, Self> {
        AcloseStream { stream: self }
    }
}

impl<S: AsyncClose + ?Sized> AsyncCloseExt for S {}

/// The future of [`AsyncCloseExt::aclose`].
#[must_use = "futures do nothing unless awaited"]
pub struct AcloseStream<'a, S: ?Sized> {
    stream: Pin<&'a mut S>,
}

impl<S: AsyncClose + ?Sized> Future for AcloseStream<'_, S> {
    type Output = ();

    #[inline]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        self.get_mut().stream.as_mut().poll_close(cx)
    }
}

impl<S: ?Sized> fmt::Debug for AcloseStream<'_, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AcloseStream").finish_non_exhaustive()
    }
}

/// A [`Stream`] that is also [`AsyncClose`], as a trait object:
/// `#[async_gen(boxed, closable)]` returns `Pin<Box<dyn ClosableStream<Item = T> + Send
/// + 'a>>`, which is both a `Stream` and `AsyncClose`.
pub trait ClosableStream: Stream + AsyncClose {}

impl<S: Stream + AsyncClose + ?Sized> ClosableStream for S {}

/// An iterator that can be closed early, running its cleanup before it ends: Python's
/// `generator.close()`.
///
/// The iterators `#[generator]` and `iter!` return are one: closing one makes its body
/// leave from the `yield_!` it is suspended at as if by `return`, running its `defer!`
/// blocks; an unstarted or finished one is only marked finished. An unboxed generator
/// is closed through its pin: [`Generator::close`](crate::Generator::close).
pub trait Close {
    /// Closes the generator; afterwards `next()` returns `None`.
    ///
    /// # Panics
    /// If the body yields again once it has been told to close.
    fn close(&mut self);
}

/// Runs `f` with `stream` pinned, then closes it, awaited, however `f` ended (Python's
/// `contextlib.aclosing`): for consumers yieldkit does not write, such as a
/// `StreamExt::take_while` chain, which hides the generator from a `#[for_await]` loop.
///
/// A panic in `f`, or dropping the returned future before it completes, leaves the
/// stream unclosed; it is then dropped, like any future.
///
/// ```
/// use futures::StreamExt;
/// use std::cell::Cell;
///
/// #[yieldkit::async_gen]
/// async fn numbers<'a>(closed: &'a Cell<bool>) -> u32 {
///     defer! { closed.set(true); }
///     for i in 0.. {
///         yield_!(i);
///     }
/// }
///
/// let closed = Cell::new(false);
/// let small: Vec<u32> = yieldkit::block_on(yieldkit::aclosing(numbers(&closed), async |s| {
///     s.take_while(|&i| core::future::ready(i < 3)).collect().await
/// }));
/// assert_eq!(small, [0, 1, 2]);
/// assert!(closed.get());
/// ```
pub async fn aclosing<S, F, R>(stream: S, f: F) -> R
where
    S: AsyncClose,
    F: AsyncFnOnce(Pin<&mut S>) -> R,
{
    let mut stream = core::pin::pin!(stream);
    let output = f(stream.as_mut()).await;
    stream.aclose().await;
    output
}

/// Runs `f` with `iter`, then closes it, however `f` returned (Python's
/// `contextlib.closing`). A panic in `f` leaves it unclosed; it is then dropped.
///
/// ```
/// use std::cell::Cell;
///
/// #[yieldkit::generator]
/// fn numbers<'a>(closed: &'a Cell<bool>) -> u32 {
///     defer! { closed.set(true); }
///     for i in 0.. {
///         yield_!(i);
///     }
/// }
///
/// let closed = Cell::new(false);
/// let small: Vec<u32> = yieldkit::closing(numbers(&closed), |it| it.take(3).collect());
/// assert_eq!(small, [0, 1, 2]);
/// assert!(closed.get());
/// ```
pub fn closing<I, R>(mut iter: I, f: impl FnOnce(&mut I) -> R) -> R
where
    I: Close,
{
    let output = f(&mut iter);
    iter.close();
    output
}

/// Where a close stands, kept in a generator's slot (see the module docs).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum CloseState {
    /// Not asked to close. (Zero: a yield's check compares with it.)
    Open = 0,
    /// Asked; the body has not reached a yield since.
    Requested,
    /// Asked, and the body already reached one yield on the way (it was in the middle
    /// of a step), whose value was dropped: the next yield must take the request.
    RequestedAgain,
    /// A yield took the request: the body is leaving, running its deferred code.
    Delivered,
    /// A coroutine's body has left every cleanup scope and waits to be dropped.
    Parked,
}

/// The close protocol's state in a slot: how many cleanup scopes the body is in, and
/// where a close stands. Two bytes, which fit beside the slot's flags.
pub(crate) struct Cleanup {
    depth: Cell<u8>,
    close: Cell<CloseState>,
}

/// What a close does after the body yielded while being closed.
pub(crate) enum AfterYield {
    /// Poll the body again: its next yield takes the request.
    Again,
    /// The body is outside every cleanup scope now: drop it.
    Finish,
    /// The body yielded after the close was delivered, or ignored it twice.
    Ignored,
}

impl Cleanup {
    pub(crate) const fn new() -> Self {
        Self {
            depth: Cell::new(0),
            close: Cell::new(CloseState::Open),
        }
    }

    // The body's side (through its handle).

    /// The body enters a cleanup scope.
    #[inline(always)]
    pub(crate) fn enter(&self) {
        match self.depth.get().checked_add(1) {
            Some(depth) => self.depth.set(depth),
            None => too_deep(),
        }
    }

    /// The body leaves one (its deferred code is about to run).
    #[inline(always)]
    pub(crate) fn leave(&self) {
        self.depth.set(self.depth.get().saturating_sub(1));
    }

    /// At a yield, after the body resumed: whether it is to leave for a close, which
    /// this delivers.
    #[inline(always)]
    pub(crate) fn take_request(&self) -> bool {
        if self.close.get() == CloseState::Open {
            return false;
        }
        self.take_request_cold()
    }

    #[cold]
    #[inline(never)]
    fn take_request_cold(&self) -> bool {
        match self.close.get() {
            CloseState::Requested | CloseState::RequestedAgain => {
                self.close.set(CloseState::Delivered);
                true
            }
            _ => false,
        }
    }

    /// A coroutine's body that has left for a close, at its end: it waits to be
    /// dropped.
    pub(crate) fn park(&self) {
        if self.close.get() == CloseState::Delivered {
            self.close.set(CloseState::Parked);
        }
    }

    // The generator's side.

    /// Whether the body is in a cleanup scope, so a close must run it.
    pub(crate) fn pending(&self) -> bool {
        self.depth.get() != 0
    }

    pub(crate) fn request(&self) {
        self.close.set(CloseState::Requested);
    }

    pub(crate) fn parked(&self) -> bool {
        self.close.get() == CloseState::Parked
    }

    pub(crate) fn after_yield(&self) -> AfterYield {
        match self.close.get() {
            CloseState::Requested if self.pending() => {
                self.close.set(CloseState::RequestedAgain);
                AfterYield::Again
            }
            CloseState::Requested => AfterYield::Finish,
            _ => AfterYield::Ignored,
        }
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn too_deep() -> ! {
    panic!("yieldkit: more than 255 cleanup scopes (`defer!`, owning loops) nested in one body")
}

#[cold]
#[inline(never)]
#[track_caller]
pub(crate) fn yielded_while_closing() -> ! {
    panic!(
        "a generator yielded while it was being closed: once `aclose()` / `close()` makes its \
         body leave, the body must not reach another `yield_!` (did deferred code `continue` \
         into a loop, or a macro put a yield there?)"
    )
}

// How the consumers yieldkit writes (`#[for_await]`, `yield_from!`, `collect!`) tell a
// source they must close from one they only drop, without specialization: a method call
// on `&Probe`, resolved against two traits, one implemented for `Probe` when the source
// can be closed, the other for `&Probe` always, so the first wins where it applies (the
// receiver needs no auto-reference for it). The result is a marker of no size, whose
// methods the optimiser reduces to constants and calls.

/// Not public API: probes the type of a source for the consumers' close.
#[doc(hidden)]
#[derive(Debug)]
pub struct Probe<'a, T: ?Sized>(PhantomData<&'a T>);

impl<'a, T: ?Sized> Probe<'a, T> {
    #[doc(hidden)]
    #[inline(always)]
    pub fn of(_: &'a T) -> Self {
        Self(PhantomData)
    }
}

/// Not public API: a source the consumer closes when it stops early.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Closes;

/// Not public API: a source the consumer only drops.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Drops;

/// Not public API: the probe's first choice.
#[doc(hidden)]
pub trait ProbeCloses {
    #[doc(hidden)]
    fn __yieldkit_close_kind(&self) -> Closes;
}

/// Not public API: the probe's fallback.
#[doc(hidden)]
pub trait ProbeDrops {
    #[doc(hidden)]
    fn __yieldkit_close_kind(&self) -> Drops;
}

impl<S: AsyncClose, I> ProbeCloses for Probe<'_, Checked<S, I>> {
    #[inline(always)]
    fn __yieldkit_close_kind(&self) -> Closes {
        Closes
    }
}

impl<I: Close> ProbeCloses for Probe<'_, I> {
    #[inline(always)]
    fn __yieldkit_close_kind(&self) -> Closes {
        Closes
    }
}

impl<T: ?Sized> ProbeDrops for &Probe<'_, T> {
    #[inline(always)]
    fn __yieldkit_close_kind(&self) -> Drops {
        Drops
    }
}

impl Closes {
    /// Closes a `for await` loop's stream.
    #[doc(hidden)]
    #[inline(always)]
    pub fn aclose<S: AsyncClose, I>(self, stream: Pin<&mut Checked<S, I>>) -> AcloseStream<'_, S> {
        stream.into_stream().aclose()
    }

    /// Closes a `for` loop's iterator.
    #[doc(hidden)]
    #[inline(always)]
    pub fn close<I: Close>(self, iter: &mut I) {
        iter.close();
    }
}

impl Drops {
    /// Nothing to do: the stream is dropped with the loop.
    #[doc(hidden)]
    #[inline(always)]
    pub fn aclose<T: ?Sized>(self, _: Pin<&mut T>) -> core::future::Ready<()> {
        core::future::ready(())
    }

    /// Nothing to do: the iterator is dropped with the loop.
    #[doc(hidden)]
    #[inline(always)]
    pub fn close<T: ?Sized>(self, _: &mut T) {}
}

/// Not public API: the iterator of a generator's `yield_from!`, which its loop owns
/// (and closes, if it is a generator). The item type rides along, so that an iterable
/// that is not one is reported once, at the user's expression.
#[doc(hidden)]
#[derive(Debug)]
pub struct OwnedIter<I, T> {
    #[doc(hidden)]
    pub iter: I,
    /// `Iterator::next`, fixed where the bound is known, so that the loop's call
    /// needs none (a second error for a value that is not iterable).
    next: fn(&mut I) -> Option<T>,
}

/// What a generator's `yield_from!` delegates to: anything [`IntoIterator`].
///
/// It exists for its compile error, one, at the user's expression, for something that
/// is not iterable (a call of the trait's own: an error about a function's bound would
/// point into this crate, and the rest of the loop would be reported too).
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an iterator",
    label = "`yield_from!` in a generator needs an `Iterator` or an `IntoIterator` here",
    note = "for a `Stream`, use `yield_from!` in an `#[async_gen]` (or `stream!`) body"
)]
pub trait YieldFromIter {
    /// The iterator's item type.
    type Item;
    /// The iterator.
    type Iter;

    /// The iterator, owned by the delegation's loop.
    #[doc(hidden)]
    fn into_owned_iter(self) -> OwnedIter<Self::Iter, Self::Item>;
}

#[diagnostic::do_not_recommend]
impl<T: IntoIterator> YieldFromIter for T {
    type Item = T::Item;
    type Iter = T::IntoIter;

    #[inline(always)]
    fn into_owned_iter(self) -> OwnedIter<T::IntoIter, T::Item> {
        OwnedIter {
            iter: self.into_iter(),
            next: Iterator::next,
        }
    }
}

impl<I, T> OwnedIter<I, T> {
    /// The next item.
    #[doc(hidden)]
    #[inline(always)]
    pub fn next_item(&mut self) -> Option<T> {
        (self.next)(&mut self.iter)
    }
}
