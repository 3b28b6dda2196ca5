//! On nightly, `#![feature(coroutines)]` lets rustc parse a bare `yield`, and the
//! attribute macros accept it as `yield_!`. Run with
//! `cargo +nightly test --manifest-path tests/nightly/Cargo.toml`.

#![feature(coroutines)]

/// A bare `yield`, nightly only.
#[agen::async_gen]
pub async fn evens(n: u32) -> u32 {
    for i in 0..n {
        if i % 2 == 0 {
            yield i;
        }
    }
}

#[cfg(test)]
mod tests {
    use futures::StreamExt;

    #[test]
    fn bare_yield_works_like_yield_macro() {
        let got: Vec<u32> = agen::block_on(super::evens(7).collect());
        assert_eq!(got, [0, 2, 4, 6]);
    }
}
