// `#[for_await]` anywhere but once, bare, on a `for` loop.
use futures_core::Stream;

#[yieldkit::async_gen]
async fn f(s: impl Stream<Item = u32> + Unpin, t: impl Stream<Item = u32> + Unpin) -> u32 {
    #[for_await]
    let _x = 1;
    #[for_await(x)]
    for x in s {
        yield_!(x);
    }
    #[for_await]
    #[for_await]
    for y in t {
        yield_!(y);
    }
}

fn main() {}
