//! A sync generator and a coroutine without `std` or `alloc`.

use core::pin::pin;
use yieldkit::{Coroutine, CoroutineState};

#[yieldkit::generator(unboxed)]
pub fn squares(n: u32) -> u32 {
    for i in 0..n {
        yield_!(i * i);
    }
}

#[yieldkit::coroutine(first = first)]
pub fn total() -> impl Coroutine<u32, Yield = u32, Return = u32> {
    let mut sum = first;
    loop {
        let x = yield_!(sum);
        if x == 0 {
            return sum;
        }
        sum += x;
    }
}

/// Sums the generator's squares and the coroutine's total.
pub fn run() -> u32 {
    let s: u32 = pin!(squares(4)).sum();
    let mut co = pin!(total());
    let _ = co.as_mut().resume(1);
    match co.as_mut().resume(0) {
        CoroutineState::Complete(t) => s + t,
        CoroutineState::Yielded(_) => 0,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn generator_and_coroutine_without_std() {
        // 0 + 1 + 4 + 9 from the generator, 1 from the coroutine's first resume.
        assert_eq!(super::run(), 15);
    }
}
