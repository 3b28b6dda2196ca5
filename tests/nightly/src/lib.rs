//! On nightly, `#![feature(coroutines)]` lets rustc parse a bare `yield`, and the
//! attribute macros accept it as `yield_!`. Run with
//! `cargo +nightly test --manifest-path tests/nightly/Cargo.toml`.

#![feature(coroutines)]

/// A bare `yield`, nightly only.
#[yieldkit::async_gen]
pub async fn evens(n: u32) -> u32 {
    for i in 0..n {
        if i % 2 == 0 {
            yield i;
        }
    }
}

/// A bare `yield` in a sync generator.
#[yieldkit::generator]
pub fn odds(n: u32) -> u32 {
    for i in 0..n {
        if i % 2 == 1 {
            yield i;
        }
    }
}

/// A bare `yield` that receives the sent value, in a coroutine.
#[yieldkit::coroutine(first = first)]
pub fn adder() -> impl yieldkit::Coroutine<u32, Yield = u32, Return = u32> {
    let mut total = first;
    loop {
        let next = yield total;
        if next == 0 {
            return total;
        }
        total += next;
    }
}

#[cfg(test)]
mod tests {
    use futures::StreamExt;

    #[test]
    fn bare_yield_works_like_yield_macro() {
        let got: Vec<u32> = yieldkit::block_on(super::evens(7).collect());
        assert_eq!(got, [0, 2, 4, 6]);
        assert_eq!(super::odds(6).collect::<Vec<_>>(), [1, 3, 5]);
    }

    #[test]
    fn bare_yield_in_a_coroutine_receives_the_sent_value() {
        use yieldkit::{Coroutine, CoroutineState};
        let mut co = std::pin::pin!(super::adder());
        assert_eq!(co.as_mut().resume(5), CoroutineState::Yielded(5));
        assert_eq!(co.as_mut().resume(7), CoroutineState::Yielded(12));
        assert_eq!(co.as_mut().resume(0), CoroutineState::Complete(12));
    }
}
