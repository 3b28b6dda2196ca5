#![no_std]
#![doc = include_str!("docs/intro.md")]
#![doc = include_str!("docs/async_generators.md")]
#![doc = include_str!("docs/compile_time_checks.md")]
#![doc = include_str!("docs/common_errors.md")]
#![doc = include_str!("docs/guarantees.md")]
#![doc = include_str!("docs/generators.md")]
#![doc = include_str!("docs/coroutines.md")]
#![doc = include_str!("docs/cleanup.md")]
#![doc = include_str!("docs/comprehensions.md")]
#![doc = include_str!("docs/expansion.md")]
#![doc = include_str!("docs/migration.md")]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(all(feature = "std", not(target_os = "none")))]
extern crate std;

// A bare-metal target has no `std`: say which features to take (instead of the
// compiler's "can't find crate for `std`", which is what the other `std` items are
// left out for).
#[cfg(all(feature = "std", target_os = "none"))]
compile_error!(
    "yieldkit's `std` feature (on by default) needs a target with `std`: in a `no_std` crate, \
     depend on yieldkit with `default-features = false`, and add `features = [\"alloc\"]` for \
     the boxed generators if you have an allocator"
);

mod async_gen;
#[cfg(all(feature = "std", not(target_os = "none")))]
mod block_on;
mod body;
mod close;
mod comprehension;
mod coroutine;
mod for_await;
mod generator;
mod handle;
pub mod question_mark;
mod slot;

/// Turns an `async fn` whose body yields with `yield_!` into a function returning
/// `impl FusedStream<Item = Item>`.
///
/// Options: `#[async_gen(boxed)]` returns `Pin<Box<dyn Stream<Item = Item> + Send + 'a>>`,
/// `#[async_gen(boxed_local)]` the same without `Send`. See the
/// [crate documentation](crate#async-generators) for the whole guide.
///
/// ```
/// #[yieldkit::async_gen]
/// async fn evens(below: u32) -> u32 {
///     for i in (0..below).step_by(2) {
///         yield_!(i);
///     }
/// }
/// # use futures::StreamExt;
/// assert_eq!(yieldkit::block_on(evens(7).collect::<Vec<_>>()), [0, 2, 4, 6]);
/// ```
pub use yieldkit_macros::async_gen;
// The block forms and `collect!` are `macro_rules!` that hand the procedural macro the
// path to this crate (`$crate`), so they work however a user's crate names or reaches
// it; see `crate_path.rs` in the macros.
#[doc = include_str!("docs/collect_macro.md")]
#[macro_export]
macro_rules! collect {
    ($($input:tt)*) => {
        $crate::__private::collect!(($crate) $($input)*)
    };
}
/// Turns a `fn` (or `async fn`) into a coroutine: `let sent = yield_!(v);` receives the
/// value of the next `resume`, and the body's return value ends it; see
/// [Coroutines](crate#coroutines). Write it as `#[yieldkit::coroutine]`: the bare name is
/// taken by a built-in attribute.
///
/// ```
/// use core::pin::pin;
/// use yieldkit::{Coroutine, CoroutineState::{Complete, Yielded}};
///
/// #[yieldkit::coroutine(first = first)]
/// fn total() -> impl Coroutine<u32, Yield = u32, Return = u32> {
///     let mut sum = first;
///     loop {
///         let x = yield_!(sum);
///         if x == 0 {
///             return sum;
///         }
///         sum += x;
///     }
/// }
/// let mut co = pin!(total());
/// assert_eq!(co.as_mut().resume(2), Yielded(2));
/// assert_eq!(co.as_mut().resume(3), Yielded(5));
/// assert_eq!(co.as_mut().resume(0), Complete(5));
/// ```
pub use yieldkit_macros::coroutine;
/// Enables `#[for_await] for x in stream { .. }` loops in an ordinary `async fn`; see
/// [`for await` in ordinary async functions](crate#for-await-in-ordinary-async-functions).
pub use yieldkit_macros::for_await;
/// Turns a `fn` whose body uses `yield_!` into a function returning an `Iterator`
/// (a synchronous generator); see [Generators](crate#generators).
///
/// ```
/// #[yieldkit::generator]
/// fn evens(below: u32) -> u32 {
///     for i in (0..below).step_by(2) {
///         yield_!(i);
///     }
/// }
/// assert_eq!(evens(7).collect::<Vec<_>>(), [0, 2, 4, 6]);
/// ```
pub use yieldkit_macros::generator;
/// A generator block: an expression of type `impl Iterator`, with a real `yield` on
/// stable; see [Generators](crate#generators).
///
/// ```
/// let squares = yieldkit::iter! {
///     for i in 1..=3u32 {
///         yield i * i;
///     }
/// };
/// assert_eq!(squares.collect::<Vec<_>>(), [1, 4, 9]);
/// ```
#[macro_export]
macro_rules! iter {
    ($($input:tt)*) => {
        $crate::__private::iter!(($crate) $($input)*)
    };
}
/// An async generator block: an expression of type `impl Stream`, with a real `yield`
/// and `for await` on stable; see [the block form](crate#the-block-form-stream).
///
/// ```
/// # use futures::StreamExt;
/// let squares = yieldkit::stream! {
///     for i in 1..=3u32 {
///         yield i * i;
///     }
/// };
/// assert_eq!(yieldkit::block_on(squares.collect::<Vec<_>>()), [1, 4, 9]);
/// ```
#[macro_export]
macro_rules! stream {
    ($($input:tt)*) => {
        $crate::__private::stream!(($crate) $($input)*)
    };
}

pub use crate::async_gen::AsyncGen;
#[cfg(all(feature = "std", not(target_os = "none")))]
pub use crate::block_on::block_on;
pub use crate::close::{
    AcloseStream, AsyncClose, AsyncCloseExt, ClosableStream, Close, aclosing, closing,
};
pub use crate::coroutine::{
    Aclose, AsyncCo, AsyncCoroutine, Co, Coroutine, CoroutineIter, CoroutineState, CoroutineStream,
    Resume,
};
pub use crate::generator::{GenBody, Generator, PinIterator};
pub use crate::handle::{
    Brand, CoYield, CoYieldClosable, CoYieldToken, CoYielder, Park, Yield, YieldToken, Yielder,
};
/// The stream traits the async generators implement, re-exported from
/// [`futures-core`](https://docs.rs/futures-core) so that a signature naming them
/// needs no other dependency.
pub use futures_core::{FusedStream, Stream};

/// Yields a value from a generator body.
///
/// Inside `#[async_gen]` (and the other generator forms) this is rewritten by the
/// attribute before it is expanded; used anywhere else it is a compile error.
#[macro_export]
macro_rules! yield_ {
    ($($tt:tt)*) => {
        $crate::__private::core::compile_error!(
            "`yield_!` can only be used directly in the body of an `#[yieldkit::async_gen]` function \
             (or `#[yieldkit::generator]` / `#[yieldkit::coroutine]`); inside `stream! { .. }` and `iter! { .. }` write `yield value;`"
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
        $crate::__private::core::compile_error!(
            "`yield_from!` can only be used directly in the body of an `#[yieldkit::async_gen]` function \
             (or `#[yieldkit::generator]` / `#[yieldkit::coroutine]`, or inside `stream!` / `iter!`)"
        )
    };
}

/// Runs a block when control leaves the enclosing block of a generator body, by any
/// path the body takes itself: the end, `return`, `?`, `break` / `continue` out of it,
/// and a close ([`AsyncCloseExt::aclose`], [`Close::close`]). In async bodies the block
/// may `.await`. See the guide's "Cleanup that awaits".
///
/// Like [`yield_!`], it only has a meaning inside a generator body, as a statement.
#[macro_export]
macro_rules! defer {
    ($($tt:tt)*) => {
        $crate::__private::core::compile_error!(
            "`defer!` can only be used as a statement directly in the body of a yieldkit generator \
             (`#[async_gen]`, `#[generator]`, `#[coroutine]`, `#[for_await]`, `stream!`, `iter!`)"
        )
    };
}

/// Not public API: builds the body closure of a generator or coroutine around the tokens
/// of its body, with the body's handle bound to `$yielder`.
///
/// Every expansion that makes a generator goes through this macro, so that the one
/// `unsafe` call an expansion needs (making the handle, see `handle.rs`) and everything
/// its safety rests on (the constructor that hands out the token, the brand) are named
/// with `$crate` paths, which no user crate can redirect. (A proc macro's `::yieldkit::..`
/// paths resolve in the user's crate, where `extern crate self as yieldkit;` could point
/// them at look-alikes.) Whatever `$body` holds, the handle it sees is bounded by the
/// body's own `brand` local.
///
/// Forms: `AsyncGen<Item>`, `Generator<Item>`, `Co<Yield, Sent>` and
/// `AsyncCo<Yield, Sent>`, each followed by `$yielder`, for coroutines the binding of the
/// first resume's value, and the body in braces. `AsyncGen<Item> borrowing` makes a
/// closure and body that borrow their environment instead of moving it.
#[doc(hidden)]
#[macro_export]
macro_rules! __generator_body {
    // Each arm writes the handle's prologue out itself: an arm that took the token as
    // an argument could be invoked with a token stolen from elsewhere.
    (AsyncGen<$item:ty>, $yielder:ident, { $($body:tt)* }) => {
        $crate::__private::AsyncGen::new(
            move |token: $crate::__private::YieldToken<$item>| async move {
                let brand = $crate::__private::Brand::new();
                #[allow(unused_mut, unused_variables)]
                let mut $yielder = unsafe { $crate::__private::Yielder::new(token, &brand) };
                $($body)*
            },
        )
    };
    (AsyncGen<$item:ty> borrowing, $yielder:ident, { $($body:tt)* }) => {
        $crate::__private::AsyncGen::new(|token: $crate::__private::YieldToken<$item>| async {
            let brand = $crate::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut $yielder = unsafe { $crate::__private::Yielder::new(token, &brand) };
            $($body)*
        })
    };
    (Generator<$item:ty>, $yielder:ident, { $($body:tt)* }) => {
        $crate::__private::Generator::new(
            move |token: $crate::__private::YieldToken<$item>| async move {
                let brand = $crate::__private::Brand::new();
                #[allow(unused_mut, unused_variables)]
                let mut $yielder = unsafe { $crate::__private::Yielder::new(token, &brand) };
                $($body)*
            },
        )
    };
    (Co<$yielded:ty, $sent:ty>, $yielder:ident, $first:pat, { $($body:tt)* }) => {
        $crate::__private::Co::<$yielded, $sent, _, _>::new(
            move |token: $crate::__private::CoYieldToken<$yielded, $sent>, $first: $sent| {
                async move {
                    let brand = $crate::__private::Brand::new();
                    #[allow(unused_mut, unused_variables)]
                    let mut $yielder =
                        unsafe { $crate::__private::CoYielder::new(token, &brand) };
                    $($body)*
                }
            },
        )
    };
    (AsyncCo<$yielded:ty, $sent:ty>, $yielder:ident, $first:pat, { $($body:tt)* }) => {
        $crate::__private::AsyncCo::<$yielded, $sent, _, _>::new(
            move |token: $crate::__private::CoYieldToken<$yielded, $sent>, $first: $sent| {
                async move {
                    let brand = $crate::__private::Brand::new();
                    #[allow(unused_mut, unused_variables)]
                    let mut $yielder =
                        unsafe { $crate::__private::CoYielder::new(token, &brand) };
                    $($body)*
                }
            },
        )
    };
}

/// What yieldkit's expansions require of your types: the traits compile errors name.
///
/// Each exists for its error message, which says what is wrong and how to fix it at
/// your own token; you do not implement or call them. (The traits behind `?` are in
/// [`question_mark`].)
pub mod bounds {
    pub use crate::async_gen::MustBePinned;
    pub use crate::close::YieldFromIter;
    pub use crate::comprehension::TryElement;
    pub use crate::coroutine::{DelegateWithoutFirst, UnnamedFirstResume};
    pub use crate::for_await::ForAwait;
    /// Without the `alloc` feature: what a boxed generator needs (nothing has it).
    #[cfg(not(feature = "alloc"))]
    pub use crate::generator::Box as NeedsAlloc;
}

/// Not public API: what the macros' expansions refer to.
#[doc(hidden)]
pub mod __private {
    // Exactly what the expansions name; `macros/src` and `__generator_body!` are the
    // only users.
    pub use futures_core::{FusedStream, Stream};

    #[cfg(not(feature = "alloc"))]
    pub use crate::generator::Box;
    #[cfg(feature = "alloc")]
    pub use alloc::boxed::Box;
    #[cfg(feature = "alloc")]
    pub use alloc::vec::Vec;

    pub use crate::async_gen::AsyncGen;
    pub use crate::close::{
        AsyncClose, ClosableStream, Close, Probe, ProbeCloses, ProbeDrops, YieldFromIter,
    };
    pub use crate::comprehension::{Bindings, TryElement};
    #[cfg(feature = "alloc")]
    pub use crate::comprehension::{Buffered, from_vec};
    pub use crate::coroutine::{
        AsyncCo, AsyncCoroutine, Co, Coroutine, CoroutineState, DelegateWithoutFirst,
        UnnamedFirstResume, dead,
    };
    pub use crate::for_await::{ForAwait, next};
    pub use crate::generator::{GenBody, Generator, PinIterator};
    pub use crate::handle::{Brand, CoYieldToken, CoYielder, YieldToken, Yielder};
    pub use crate::question_mark::{FromResidual, Try};
    #[cfg(all(feature = "alloc", target_has_atomic = "ptr"))]
    pub use {crate::comprehension::UntilErr, alloc::sync::Arc};

    pub use crate::__generator_body as generator_body;
    pub use core;
    pub use yieldkit_macros::{collect, iter, stream};
}
