//! Support for `#[for_await]` loops: the check that gives one clear error for a
//! non-`Stream`, and the `next` future.

use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_core::Stream;

/// Any [`Stream`]; exists to give `#[for_await]` over something else a clear error.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a `Stream`, so `for await` cannot iterate it",
    label = "`for await` needs a `futures_core::Stream` here",
    note = "for an `Iterator` use a plain `for` loop, or turn it into a stream with `futures::stream::iter`"
)]
pub trait ForAwait {
    type Item;
    fn poll_next_item(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>>;
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

/// Checks at the loop's head that the iterated value is a stream.
#[doc(hidden)]
#[inline(always)]
pub fn into_stream<S: ForAwait>(stream: S) -> Checked<S, S::Item> {
    Checked {
        stream,
        _item: PhantomData,
    }
}

/// The next item of a pinned, checked stream.
#[doc(hidden)]
#[inline(always)]
pub fn next<S, I>(stream: Pin<&mut Checked<S, I>>) -> Next<'_, S, I> {
    // SAFETY: `Checked` pins `stream` structurally: it never moves it out, has no
    // `Drop` impl, and is `Unpin` only when `S` is.
    let stream = unsafe { stream.map_unchecked_mut(|checked| &mut checked.stream) };
    Next {
        stream,
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
