//! A hostile crate, written in safe Rust: it names itself `yieldkit` and points the
//! attribute forms at itself (`crate = ::yieldkit`, which any crate may write), so that the
//! paths in their expansions resolve here, and puts look-alikes of the items the
//! soundness of a generator rests on in its `__private`: a `Brand` whose borrow is
//! `'static`, and constructors that hand a body another generator's token. yieldkit's
//! expansions must not use any of them: making a generator's handle is left to a
//! `macro_rules!` of the runtime, which names what it relies on with `$crate` paths.
//! (The block forms pass `$crate` themselves: they cannot be pointed elsewhere.) Each
//! look-alike records that it was called; the tests check that none was.

#![forbid(unsafe_code)]

extern crate self as yieldkit;

use std::sync::atomic::{AtomicUsize, Ordering};

/// How many times a look-alike was used.
pub static LOOK_ALIKES_USED: AtomicUsize = AtomicUsize::new(0);

fn used() {
    LOOK_ALIKES_USED.fetch_add(1, Ordering::SeqCst);
}

/// What the expansions refer to, with look-alikes in front of the real items.
#[doc(hidden)]
#[allow(
    clippy::new_ret_no_self,
    reason = "look-alikes of yieldkit's constructors"
)]
pub mod __private {
    use core::future::Future;

    pub use real_yieldkit::__private::*;

    /// A brand whose borrow lives forever: it would make a `'static` handle.
    #[derive(Debug)]
    pub struct Brand;

    impl Brand {
        /// The look-alike of `Brand::new`.
        pub fn new() -> &'static real_yieldkit::Brand {
            static BRAND: real_yieldkit::Brand = real_yieldkit::Brand::new();
            super::used();
            &BRAND
        }
    }

    /// Look-alikes of the runtime types, whose constructors would hand a body a token
    /// of their choosing.
    #[derive(Debug)]
    pub struct AsyncGen;
    /// See [`AsyncGen`].
    #[derive(Debug)]
    pub struct Generator;

    impl AsyncGen {
        /// The look-alike of `AsyncGen::new`.
        pub fn new<T, F, Fut>(body: F) -> real_yieldkit::AsyncGen<T, F, Fut>
        where
            F: FnOnce(YieldToken<T>) -> Fut,
            Fut: Future<Output = ()>,
        {
            super::used();
            real_yieldkit::AsyncGen::new(body)
        }
    }

    impl Generator {
        /// The look-alike of `Generator::new`.
        pub fn new<T, B: real_yieldkit::GenBody<T>>(body: B) -> real_yieldkit::Generator<T, B> {
            super::used();
            real_yieldkit::Generator::new(body)
        }
    }
}

/// An async generator made in this crate.
#[real_yieldkit::async_gen(crate = ::yieldkit)]
pub async fn countdown(from: u32) -> u32 {
    for i in (1..=from).rev() {
        yield_!(i);
    }
}

/// A sync generator made in this crate, with `?`.
#[real_yieldkit::generator(crate = ::yieldkit)]
pub fn parsed(words: Vec<&'static str>) -> Result<u32, std::num::ParseIntError> {
    for word in words {
        yield_!(Ok(word.parse()?));
    }
}

/// A coroutine made in this crate.
#[real_yieldkit::coroutine(first = first, crate = ::yieldkit)]
pub fn running_sum() -> impl real_yieldkit::Coroutine<u32, Yield = u32, Return = ()> {
    let mut sum = first;
    loop {
        sum += yield_!(sum);
    }
}

/// A block form and a buffered comprehension made in this crate.
pub async fn blocks() -> (Vec<u32>, Vec<u32>) {
    use futures_core::Stream;
    use std::pin::pin;
    let stream = pin!(real_yieldkit::stream! {
        yield 1u32;
        yield 2;
    });
    let mut stream: core::pin::Pin<&mut dyn Stream<Item = u32>> = stream;
    let mut items = Vec::new();
    while let Some(x) = core::future::poll_fn(|cx| stream.as_mut().poll_next(cx)).await {
        items.push(x);
    }
    let doubled: Vec<u32> =
        real_yieldkit::collect![async { x * 2 }.await for x in [1u32, 2, 3]; buffered(2)];
    (items, doubled)
}
