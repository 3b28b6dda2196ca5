//! Another crate's re-export of yieldkit: its users depend on this crate only.

pub use yieldkit::{
    AsyncCoroutine, Coroutine, CoroutineState, Stream, async_gen, block_on, collect, coroutine,
    for_await, generator, iter, stream,
};

/// The runtime itself, for the attribute forms' `crate = ::yieldkit_facade::yieldkit`.
#[doc(hidden)]
pub use yieldkit;
