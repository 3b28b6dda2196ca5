//! Fixtures shared by the runtime's test files (each file uses some of them).

#![allow(dead_code)] // each test crate uses a different subset

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use futures_core::Stream;

/// A value that counts its drops in a shared cell; the `u32` tells values apart.
#[derive(Debug, PartialEq)]
pub(crate) struct Counted(pub(crate) u32, pub(crate) Rc<Cell<u32>>);

impl Drop for Counted {
    fn drop(&mut self) {
        self.1.set(self.1.get() + 1);
    }
}

/// Pending once (waking at once), then ready: a body waiting on "I/O".
pub(crate) struct PendingOnce(pub(crate) bool);

impl Future for PendingOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// Polls a stream once with a no-op waker.
pub(crate) fn poll_once<S: Stream + ?Sized>(s: Pin<&mut S>) -> Poll<Option<S::Item>> {
    s.poll_next(&mut Context::from_waker(Waker::noop()))
}
