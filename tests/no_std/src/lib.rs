//! yieldkit in a `#![no_std]` crate that declares no allocator: `.ci/run` builds this
//! package on its own (`cargo build -p yieldkit-no-std-tests`), so yieldkit is compiled
//! without its `std` and `alloc` features.

#![no_std]

pub mod generators;

use core::pin::pin;
use core::task::{Context, Poll, Waker};

use futures_core::Stream;

/// An async generator without `std` or `alloc`.
#[yieldkit::async_gen]
pub async fn countdown(from: u8) -> u8 {
    let mut n = from;
    while n > 0 {
        yield_!(n);
        n -= 1;
    }
}

/// The block form, `for await` and `?` without `std` or `alloc`.
pub fn checked_sum(limit: u8) -> impl Stream<Item = Result<u8, u8>> {
    yieldkit::stream! {
        let mut total: u8 = 0;
        for await n in countdown(limit) {
            total = total.checked_add(n).ok_or(total)?;
            yield Ok(total);
        }
    }
}

/// Drains a stream of ready items with a no-op waker, summing them.
pub fn sum_ready<S: Stream<Item = u8>>(stream: S) -> u32 {
    let mut stream = pin!(stream);
    let mut cx = Context::from_waker(Waker::noop());
    let mut sum = 0;
    while let Poll::Ready(Some(x)) = stream.as_mut().poll_next(&mut cx) {
        sum += u32::from(x);
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn works_without_std() {
        assert_eq!(sum_ready(countdown(4)), 10);
        let mut cx = Context::from_waker(Waker::noop());
        let mut s = pin!(checked_sum(30));
        let mut last = None;
        while let Poll::Ready(Some(item)) = s.as_mut().poll_next(&mut cx) {
            last = Some(item);
        }
        // 30 + 29 + .. + 21 = 255 = u8::MAX; adding 20 overflows, and the error
        // (the total so far) is the last item.
        assert_eq!(last, Some(Err(255)));
    }
}
