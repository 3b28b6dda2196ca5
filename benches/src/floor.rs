//! The floor: hand-written `Stream` and `Iterator` state machines, what a careful
//! author writes without any generator. Shared with the nightly crate (`#[path]`).
//!
//! Every workload function of every implementation takes a `const M: u8` that only
//! makes its type distinct: the harness gives each cell its own `M`, so no two cells
//! share a `poll_next` instantiation (see `harness.rs`).

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_core::Stream;

/// W1: `0..n`.
pub struct Count<const M: u8> {
    next: u64,
    end: u64,
}

impl<const M: u8> Stream for Count<M> {
    type Item = u64;

    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u64>> {
        if self.next < self.end {
            let i = self.next;
            self.next = i + 1;
            Poll::Ready(Some(i))
        } else {
            Poll::Ready(None)
        }
    }
}

pub fn w1<const M: u8>(n: u64) -> Count<M> {
    Count { next: 0, end: n }
}

/// W2: `0..n`, polling an already-ready future before each item.
pub struct CountReady<const M: u8> {
    next: u64,
    end: u64,
}

impl<const M: u8> Stream for CountReady<M> {
    type Item = u64;

    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u64>> {
        if self.next < self.end {
            let mut ready = core::future::ready(());
            if Pin::new(&mut ready).poll(cx).is_pending() {
                return Poll::Pending;
            }
            let i = self.next;
            self.next = i + 1;
            Poll::Ready(Some(i))
        } else {
            Poll::Ready(None)
        }
    }
}

pub fn w2<const M: u8>(n: u64) -> CountReady<M> {
    CountReady { next: 0, end: n }
}

/// W3: the pairs `(i, j)` of equal parity, as `i * j`.
pub struct Pairs<const M: u8> {
    i: u64,
    j: u64,
    rows: u64,
}

impl<const M: u8> Pairs<M> {
    #[inline]
    fn step(&mut self) -> Option<u64> {
        while self.i < self.rows {
            while self.j < 1000 {
                let (i, j) = (self.i, self.j);
                self.j += 1;
                if (i ^ j) & 1 == 0 {
                    return Some(i * j);
                }
            }
            self.i += 1;
            self.j = 0;
        }
        None
    }
}

impl<const M: u8> Stream for Pairs<M> {
    type Item = u64;

    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u64>> {
        Poll::Ready(self.step())
    }
}

impl<const M: u8> Iterator for Pairs<M> {
    type Item = u64;

    #[inline]
    fn next(&mut self) -> Option<u64> {
        self.step()
    }
}

pub fn w3<const M: u8>(rows: u64) -> Pairs<M> {
    Pairs { i: 0, j: 0, rows }
}

/// W4: the items of an inner stream, doubled.
pub struct Double<S> {
    inner: S,
}

impl<S: Stream<Item = u64> + Unpin> Stream for Double<S> {
    type Item = u64;

    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u64>> {
        match Pin::new(&mut self.inner).poll_next(cx) {
            Poll::Ready(Some(x)) => Poll::Ready(Some(x * 2)),
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Pending => Poll::Pending,
        }
    }
}

pub fn w4<const M: u8>(n: u64) -> Double<Count<M>> {
    Double { inner: w1(n) }
}

/// W5: three items.
pub struct Three<const M: u8> {
    first: u64,
    k: u64,
}

impl<const M: u8> Stream for Three<M> {
    type Item = u64;

    #[inline]
    fn poll_next(mut self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<Option<u64>> {
        if self.k < 3 {
            let x = self.first + self.k;
            self.k += 1;
            Poll::Ready(Some(x))
        } else {
            Poll::Ready(None)
        }
    }
}

pub fn w5<const M: u8>(first: u64) -> Three<M> {
    Three { first, k: 0 }
}

/// S1 / S3 floor: a `Range` and the hand-written iterator.
pub fn s1<const M: u8>(n: u64) -> core::ops::Range<u64> {
    0..n
}

pub fn s3<const M: u8>(rows: u64) -> Pairs<M> {
    w3(rows)
}
