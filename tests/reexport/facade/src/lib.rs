//! Another crate's re-export of agen: its users depend on this crate only.

pub use agen::{
    AsyncCoroutine, Coroutine, CoroutineState, Stream, async_gen, block_on, collect, coroutine,
    for_await, generator, iter, stream,
};

/// The runtime itself, for the attribute forms' `crate = ::agen_facade::agen`.
#[doc(hidden)]
pub use agen;
