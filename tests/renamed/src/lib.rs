//! yieldkit under another name: the manifest calls it `yk`, and the crate's `core` is yieldkit
//! too (`extern crate yk as core;`), so neither `::yieldkit` nor `::core` reaches what an
//! expansion needs. The attribute forms find `yk` in the manifest; the block forms and
//! `collect!` pass the runtime's path themselves; no expansion writes `::core`.
//! (No `#[derive]` here: the standard derives write `::core`.)

extern crate yk as core;

/// `::core` in this crate is yieldkit (the real `core` has no `block_on`): an expansion
/// that wrote `::core::..` would not compile here.
pub use ::core::block_on as core_is_yieldkit;

use yk::{AsyncCoroutine, Coroutine, Stream, async_gen, collect, generator, stream};

/// `#[async_gen]`, with `?`, `#[for_await]` and `yield_from!`.
#[async_gen]
pub async fn parsed(words: Vec<&'static str>) -> Result<u32, std::num::ParseIntError> {
    #[for_await]
    for word in numbers_of(words) {
        yield_!(Ok(word?));
    }
    yield_from!(stream! {
        yield Ok(100);
    });
}

/// A block form whose items are parse results.
pub fn numbers_of(
    words: Vec<&'static str>,
) -> impl Stream<Item = Result<u32, std::num::ParseIntError>> {
    stream! {
        for word in words {
            yield word.parse::<u32>();
        }
    }
}

/// `#[generator]` with `iter!` and `yield_from!`.
#[generator]
pub fn evens(limit: u32) -> u32 {
    yield_from!(yk::iter! {
        for i in 0..limit {
            if i % 2 == 0 {
                yield i;
            }
        }
    });
}

/// A boxed generator.
#[generator(boxed)]
pub fn boxed(limit: u32) -> u32 {
    for i in 0..limit {
        yield_!(i);
    }
}

/// A coroutine.
#[yk::coroutine(first = first)]
pub fn running_sum() -> impl Coroutine<u32, Yield = u32, Return = ()> {
    let mut total = first;
    loop {
        total += yield_!(total);
    }
}

/// An async coroutine.
#[yk::coroutine(first = first)]
pub async fn async_echo() -> impl AsyncCoroutine<u32, Yield = u32, Return = ()> {
    let mut sent = first;
    while sent > 0 {
        sent = yield_!(sent);
    }
}

/// `#[for_await]` on an ordinary `async fn`, and every form of `collect!`.
#[yk::for_await]
pub async fn comprehensions() -> (u32, Vec<u32>, Vec<u32>, Result<Vec<u32>, u32>, Vec<u32>) {
    let mut total = 0;
    #[for_await]
    for x in stream! { yield 1; yield 2; } {
        total += x;
    }
    let eager: Vec<u32> = collect![x * 2 for x in 1..=3u32];
    let lazy: Vec<u32> = collect![x + 1 for x in 0..3u32; iter].collect();
    let tried: Result<Vec<u32>, u32> =
        collect![if x < 9 { Ok(x) } else { Err(x) } for x in [1u32, 2]; try];
    let buffered: Vec<u32> = collect![double(x).await for x in [1u32, 2, 3]; buffered(2)];
    (total, eager, lazy, tried, buffered)
}

async fn double(x: u32) -> u32 {
    x * 2
}
