#![no_std]
#![doc = "agen: Python's generators, async generators and async comprehensions for Rust, on stable."]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod async_gen;
#[cfg(feature = "std")]
mod block_on;
mod for_await;
mod try_item;
mod yielder;

pub use agen_macros::{async_gen, for_await, stream};

pub use crate::async_gen::AsyncGen;
#[cfg(feature = "std")]
pub use crate::block_on::block_on;
pub use crate::yielder::{Yield, Yielder};

/// Yields a value from a generator body.
///
/// Inside `#[async_gen]` (and the other generator forms) this is rewritten by the
/// attribute before it is expanded; used anywhere else it is a compile error.
#[macro_export]
macro_rules! yield_ {
    ($($tt:tt)*) => {
        ::core::compile_error!(
            "`yield_!` can only be used directly in the body of an `#[agen::async_gen]` function \
             (or `#[agen::generator]` / `#[agen::coroutine]`); inside `stream! { .. }` and `iter! { .. }` write `yield value;`"
        )
    };
}

/// Yields every item of another stream (in `#[async_gen]`) or iterable (in
/// `#[generator]`).
///
/// Like [`yield_!`], it only has a meaning inside a generator body.
#[macro_export]
macro_rules! yield_from {
    ($($tt:tt)*) => {
        ::core::compile_error!(
            "`yield_from!` can only be used directly in the body of an `#[agen::async_gen]` function \
             (or `#[agen::generator]` / `#[agen::coroutine]`, or inside `stream!` / `iter!`)"
        )
    };
}

/// Not public API: what the macros' expansions refer to.
#[doc(hidden)]
pub mod __private {
    pub use core;
    pub use futures_core::{FusedStream, Stream};

    #[cfg(feature = "alloc")]
    pub use alloc::boxed::Box;

    pub use crate::async_gen::AsyncGen;
    pub use crate::for_await::{ForAwait, into_stream, next};
    pub use crate::try_item::{FromResidual, Try};
    pub use crate::yielder::{Yield, Yielder};
}
