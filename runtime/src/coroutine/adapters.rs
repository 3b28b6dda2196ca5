//! Coroutines that take and return `()`, used as iterators and streams.

use core::iter::FusedIterator;
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_core::{FusedStream, Stream};

use super::{AsyncCoroutine, Coroutine, CoroutineState};
use crate::close::{AsyncClose, Close};

/// A coroutine that takes `()` and returns `()`, used as an [`Iterator`] over what it
/// yields. Wraps a pinned coroutine (`Pin<&mut C>`, `Pin<Box<C>>`).
#[derive(Debug)]
pub struct CoroutineIter<C> {
    co: C,
    done: bool,
}

impl<C> CoroutineIter<C>
where
    C: Coroutine<(), Return = ()> + Unpin,
{
    /// Wraps `co`; the first `next()` starts it.
    pub fn new(co: C) -> Self {
        Self { co, done: false }
    }
}

impl<C> Iterator for CoroutineIter<C>
where
    C: Coroutine<(), Return = ()> + Unpin,
{
    type Item = C::Yield;

    #[inline]
    fn next(&mut self) -> Option<C::Yield> {
        if self.done {
            return None;
        }
        match Pin::new(&mut self.co).resume(()) {
            CoroutineState::Yielded(value) => Some(value),
            CoroutineState::Complete(()) => {
                self.done = true;
                None
            }
        }
    }
}

impl<C> FusedIterator for CoroutineIter<C> where C: Coroutine<(), Return = ()> + Unpin {}

/// An async coroutine that takes `()` and returns `()`, used as a [`Stream`] over what
/// it yields. Wraps a pinned coroutine (`Pin<&mut C>`, `Pin<Box<C>>`).
#[derive(Debug)]
pub struct CoroutineStream<C> {
    co: C,
    /// The `()` of the resume in progress, until the coroutine takes it.
    arg: Option<()>,
    in_flight: bool,
    done: bool,
}

impl<C> CoroutineStream<C>
where
    C: AsyncCoroutine<(), Return = ()> + Unpin,
{
    /// Wraps `co`; the first poll starts it.
    pub fn new(co: C) -> Self {
        Self {
            co,
            arg: None,
            in_flight: false,
            done: false,
        }
    }
}

impl<C> Stream for CoroutineStream<C>
where
    C: AsyncCoroutine<(), Return = ()> + Unpin,
{
    type Item = C::Yield;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<C::Yield>> {
        let this = self.get_mut();
        if this.done {
            return Poll::Ready(None);
        }
        if !this.in_flight {
            this.arg = Some(());
            this.in_flight = true;
        }
        match Pin::new(&mut this.co).poll_resume(cx, &mut this.arg) {
            Poll::Ready(CoroutineState::Yielded(value)) => {
                this.in_flight = false;
                Poll::Ready(Some(value))
            }
            Poll::Ready(CoroutineState::Complete(())) => {
                this.done = true;
                Poll::Ready(None)
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<C> FusedStream for CoroutineStream<C>
where
    C: AsyncCoroutine<(), Return = ()> + Unpin,
{
    fn is_terminated(&self) -> bool {
        self.done
    }
}

/// Closes the coroutine ([`Coroutine::close`]); afterwards `next()` returns `None`.
impl<C> Close for CoroutineIter<C>
where
    C: Coroutine<(), Return = ()> + Unpin,
{
    fn close(&mut self) {
        if !self.done {
            self.done = true;
            Pin::new(&mut self.co).close();
        }
    }
}

/// Closes the coroutine ([`AsyncCoroutine::aclose`]); afterwards the stream yields
/// `None`.
impl<C> AsyncClose for CoroutineStream<C>
where
    C: AsyncCoroutine<(), Return = ()> + Unpin,
{
    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let this = self.get_mut();
        if this.done {
            return Poll::Ready(());
        }
        let closed = Pin::new(&mut this.co).poll_close(cx).map(drop);
        this.done = closed.is_ready();
        closed
    }
}
