//! Every expansion of yieldkit's macros, compiled under strict lints: CI runs clippy with
//! `-D warnings` on this crate, so a lint fired by generated code fails the build.
//! The crate is edition 2021 on purpose (capture rules of `impl Trait` differ there),
//! and shadows `core` to check that expansions use absolute paths.

// The expansions' one `unsafe` block (making the yield handle) must not trip a user
// crate's `forbid(unsafe_code)`, nor the lints that police `unsafe`.
#![forbid(unsafe_code)]
#![deny(
    rust_2018_idioms,
    unreachable_pub,
    missing_docs,
    missing_debug_implementations,
    unused_unsafe,
    clippy::undocumented_unsafe_blocks,
    clippy::multiple_unsafe_ops_per_block
)]
#![warn(clippy::pedantic)]

use std::fmt::Display;

use futures_core::Stream;
use yieldkit::{async_gen, stream};

pub mod comprehensions;
pub mod generators;

/// Shadows the `core` crate's name: expansions must write `::core`.
#[allow(dead_code)]
mod core {}

/// A free function.
#[async_gen]
pub async fn numbers(n: u32) -> u32 {
    for i in 0..n {
        yield_!(i);
    }
}

/// `?`, `return`, `yield_from!` and `for await`.
///
/// # Errors
/// Yields the first parse error as its last item.
#[async_gen]
pub async fn parsed(words: Vec<String>) -> Result<u32, std::num::ParseIntError> {
    if words.is_empty() {
        return;
    }
    #[for_await]
    for n in numbers(2) {
        yield_!(Ok(n));
    }
    for word in words {
        yield_!(Ok(word.parse()?));
    }
    yield_from!(stream! {
        yield Ok(99);
    });
}

/// A type with generator methods.
#[derive(Debug)]
pub struct Store {
    items: Vec<String>,
}

impl Store {
    /// Borrows `self` and an argument.
    #[async_gen]
    pub async fn tagged<'s>(&'s self, tag: &str, extra: impl Display) -> String {
        for item in &self.items {
            yield_!(format!("{tag}{item}{extra}"));
        }
    }

    /// A boxed, recursive generator.
    #[async_gen(boxed)]
    pub async fn countdown(&self, from: u32) -> u32 {
        if from > 0 {
            yield_!(from);
            yield_from!(self.countdown(from - 1));
        }
    }

    /// Unused arguments and pattern arguments.
    #[async_gen]
    pub async fn patterns(&mut self, (a, _b): (u32, u32), _unused: u8) -> u32 {
        yield_!(a);
    }
}

/// A boxed generic generator with inline bounds.
#[async_gen(boxed)]
pub async fn boxed_inline<'a, T: Display + Sync>(items: &'a [T], sep: &str) -> String {
    for item in items {
        yield_!(format!("{item}{sep}"));
    }
}

/// A boxed generic generator with `where` bounds.
#[async_gen(boxed_local)]
pub async fn boxed_where<'a, 'b, T>(items: &'a [T], sep: &'b str) -> String
where
    T: Display,
    'b: 'a,
{
    for item in items {
        yield_!(format!("{item}{sep}"));
    }
}

/// A generic generator.
#[async_gen]
pub async fn pairs<T: Clone + Send, U>(items: Vec<T>, tag: U) -> (T, U)
where
    U: Copy,
{
    for item in items {
        yield_!((item, tag));
    }
}

/// The block form in a plain function.
pub fn block(n: u64) -> impl Stream<Item = u64> {
    stream! {
        for await x in numbers(3) {
            yield u64::from(x) * n;
        }
    }
}

/// `for await` in an ordinary async function.
#[yieldkit::for_await]
pub async fn sum() -> u32 {
    let mut total = 0;
    #[for_await]
    for x in numbers(4) {
        total += x;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::StreamExt;

    #[test]
    fn expansions_work_in_a_2021_crate() {
        let store = Store {
            items: vec!["a".into()],
        };
        let got: Vec<String> = yieldkit::block_on(store.tagged("#", 1).collect());
        assert_eq!(got, ["#a1"]);
        let got: Vec<u32> = yieldkit::block_on(store.countdown(3).collect());
        assert_eq!(got, [3, 2, 1]);
        let got: Vec<_> = yieldkit::block_on(parsed(vec!["7".into(), "x".into()]).collect());
        assert_eq!(got.len(), 4);
        assert_eq!(got[2], Ok(7));
        assert!(got[3].is_err());
        assert_eq!(yieldkit::block_on(block(2).collect::<Vec<_>>()), [0, 2, 4]);
        assert_eq!(yieldkit::block_on(sum()), 6);
        assert_eq!(
            yieldkit::block_on(pairs(vec!['x'], 1).collect::<Vec<_>>()),
            [('x', 1)]
        );
    }
}
