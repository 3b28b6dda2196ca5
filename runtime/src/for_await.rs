//! Support for `#[for_await]` loops: the check that gives one clear error for a
//! non-`Stream`, and the `next` future.

use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_core::Stream;

/// What a `for await` loop iterates: any [`Stream`].
///
/// It exists for its compile error: `for await` over something that is not a stream
/// (a `Vec`, an iterator) reports "`Vec<..>` is not a `Stream`, so `for await` cannot
/// iterate it", at that value, with the fix.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `Stream`, so `for await` cannot iterate it",
    label = "`for await` needs a `futures_core::Stream` here",
    note = "for an `Iterator` use a plain `for` loop, or turn it into a stream with `futures::stream::iter`"
)]
pub trait ForAwait {
    /// The stream's item type.
    type Item;

    /// [`Stream::poll_next`].
    fn poll_next_item(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>>;

    /// The check at the loop's head, as a call of the trait's own (an error about a
    /// function's bound would point into this crate).
    #[doc(hidden)]
    #[inline(always)]
    fn into_checked(self) -> Checked<Self, Self::Item>
    where
        Self: Sized,
    {
        Checked {
            stream: self,
            _item: PhantomData,
        }
    }
}

#[diagnostic::do_not_recommend]
impl<S: Stream + ?Sized> ForAwait for S {
    type Item = S::Item;

    #[inline(always)]
    fn poll_next_item(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        self.poll_next(cx)
    }
}

/// A stream checked at the loop's head, carrying its item type. When the check fails,
/// `I` is an error type, and rustc reports nothing more about the rest of the loop.
#[doc(hidden)]
#[derive(Debug)]
pub struct Checked<S, I> {
    stream: S,
    _item: PhantomData<fn() -> I>,
}

impl<S, I> Checked<S, I> {
    /// The stream, unpinned (a `Checked` that is not pinned holds no pinned stream).
    #[doc(hidden)]
    #[inline(always)]
    pub fn stream_mut(&mut self) -> &mut S {
        &mut self.stream
    }

    /// The stream, pinned.
    #[inline(always)]
    pub(crate) fn into_stream(self: Pin<&mut Self>) -> Pin<&mut S> {
        // SAFETY: `Checked` pins `stream` structurally: it never moves it out of a
        // pinned `Checked` (`stream_mut` takes `&mut self`, which a pin gives out only
        // when `Checked` is `Unpin`), has no `Drop` impl, and is `Unpin` only when `S` is.
        unsafe { self.map_unchecked_mut(|checked| &mut checked.stream) }
    }
}

/// A checked stream is a stream: a `try` comprehension's loop iterates its source
/// through a pinned borrow, so that it can close the source after the loop.
impl<S: ForAwait<Item = I>, I> Stream for Checked<S, I> {
    type Item = I;

    #[inline(always)]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<I>> {
        self.into_stream().poll_next_item(cx)
    }
}

/// The next item of a pinned, checked stream.
#[doc(hidden)]
#[inline(always)]
pub fn next<S, I>(stream: Pin<&mut Checked<S, I>>) -> Next<'_, S, I> {
    Next {
        stream: stream.into_stream(),
        _item: PhantomData,
    }
}

#[doc(hidden)]
#[must_use = "futures do nothing unless awaited"]
#[derive(Debug)]
pub struct Next<'a, S, I> {
    stream: Pin<&'a mut S>,
    _item: PhantomData<fn() -> I>,
}

impl<S: ForAwait<Item = I>, I> Future for Next<'_, S, I> {
    type Output = Option<I>;

    #[inline(always)]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<I>> {
        self.stream.as_mut().poll_next_item(cx)
    }
}
