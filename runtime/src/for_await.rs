//! Support for `#[for_await]` loops: the assertion that gives a clear error for a
//! non-`Stream`, and the `next` future.

use core::future::Future;
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

impl<S: Stream + ?Sized> ForAwait for S {
    type Item = S::Item;

    #[inline(always)]
    fn poll_next_item(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        self.poll_next(cx)
    }
}

/// Checks at the loop's head that the iterated value is a stream.
#[doc(hidden)]
#[inline(always)]
pub fn into_stream<S: ForAwait>(stream: S) -> S {
    stream
}

/// The next item of a pinned stream.
#[doc(hidden)]
#[inline(always)]
pub fn next<S: ForAwait + ?Sized>(stream: Pin<&mut S>) -> Next<'_, S> {
    Next { stream }
}

#[doc(hidden)]
#[must_use = "futures do nothing unless awaited"]
#[derive(Debug)]
pub struct Next<'a, S: ?Sized> {
    stream: Pin<&'a mut S>,
}

impl<S: ForAwait + ?Sized> Future for Next<'_, S> {
    type Output = Option<S::Item>;

    #[inline(always)]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.stream.as_mut().poll_next_item(cx)
    }
}
