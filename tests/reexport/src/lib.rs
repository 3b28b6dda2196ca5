//! yieldkit reached only through `yieldkit_facade`'s re-export: this crate's manifest does not
//! name yieldkit, so the attribute forms are told the path (`crate = ..`), and the block
//! forms and `collect!` pass their own.

use yieldkit_facade::{AsyncCoroutine, Coroutine, Stream, collect, stream};

/// `#[async_gen]`, with `?`, `#[for_await]` and `yield_from!`.
#[yieldkit_facade::async_gen(crate = ::yieldkit_facade::yieldkit)]
pub async fn doubled(words: Vec<&'static str>) -> Result<u32, std::num::ParseIntError> {
    #[for_await]
    for word in words_of(words) {
        yield_!(Ok(word.parse::<u32>()? * 2));
    }
    yield_from!(stream! { yield Ok(0); });
}

/// A block form.
pub fn words_of(words: Vec<&'static str>) -> impl Stream<Item = &'static str> {
    stream! {
        for word in words {
            yield word;
        }
    }
}

/// `#[generator]`, boxed, with `iter!`.
#[yieldkit_facade::generator(boxed, crate = ::yieldkit_facade::yieldkit)]
pub fn squares(limit: u32) -> u32 {
    yield_from!(yieldkit_facade::iter! {
        for i in 1..=limit {
            yield i * i;
        }
    });
}

/// A coroutine and an async one.
#[yieldkit_facade::coroutine(first = first, crate = ::yieldkit_facade::yieldkit)]
pub fn running_sum() -> impl Coroutine<u32, Yield = u32, Return = ()> {
    let mut total = first;
    loop {
        total += yield_!(total);
    }
}

/// See [`running_sum`].
#[yieldkit_facade::coroutine(first = first, crate = ::yieldkit_facade::yieldkit)]
pub async fn async_echo() -> impl AsyncCoroutine<u32, Yield = u32, Return = ()> {
    let mut sent = first;
    while sent > 0 {
        sent = yield_!(sent);
    }
}

/// `#[for_await]` on an ordinary `async fn`, and `collect!` eager, lazy and buffered.
#[yieldkit_facade::for_await(crate = ::yieldkit_facade::yieldkit)]
pub async fn comprehensions() -> (u32, Vec<u32>, Vec<u32>, Vec<u32>) {
    let mut total = 0;
    #[for_await]
    for x in stream! { yield 1; yield 2; } {
        total += x;
    }
    let eager: Vec<u32> = collect![x * 2 for x in 1..=3u32];
    let lazy: Vec<u32> = collect![x + 1 for x in 0..3u32; iter].collect();
    let buffered: Vec<u32> = collect![double(x).await for x in [1u32, 2]; buffered(2)];
    (total, eager, lazy, buffered)
}

async fn double(x: u32) -> u32 {
    x * 2
}
