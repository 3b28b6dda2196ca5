#![no_std]
#![doc = include_str!("docs/intro.md")]
#![doc = include_str!("docs/async_gen.md")]
#![doc = include_str!("docs/explanation.md")]
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

/// Turns an `async fn` whose body yields with `yield_!` into a function returning
/// `impl FusedStream<Item = Item>`.
///
/// Options: `#[async_gen(boxed)]` returns `Pin<Box<dyn Stream<Item = Item> + Send + 'a>>`,
/// `#[async_gen(boxed_local)]` the same without `Send`. See the
/// [crate documentation](crate#async-generators) for the whole guide.
///
/// ```
/// #[agen::async_gen]
/// async fn evens(below: u32) -> u32 {
///     for i in (0..below).step_by(2) {
///         yield_!(i);
///     }
/// }
/// # use futures::StreamExt;
/// assert_eq!(agen::block_on(evens(7).collect::<Vec<_>>()), [0, 2, 4, 6]);
/// ```
pub use agen_macros::async_gen;
/// Enables `#[for_await] for x in stream { .. }` loops in an ordinary `async fn`; see
/// [`for await` in ordinary async functions](crate#for-await-in-ordinary-async-functions).
pub use agen_macros::for_await;
/// An async generator block: an expression of type `impl Stream`, with a real `yield`
/// and `for await` on stable; see [the block form](crate#the-block-form-stream).
///
/// ```
/// # use futures::StreamExt;
/// let squares = agen::stream! {
///     for i in 1..=3u32 {
///         yield i * i;
///     }
/// };
/// assert_eq!(agen::block_on(squares.collect::<Vec<_>>()), [1, 4, 9]);
/// ```
pub use agen_macros::stream;

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
