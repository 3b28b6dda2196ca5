// A `#[for_await]` loop in a plain `async fn`: it needs `#[yieldkit::for_await]` on the fn.
use yieldkit::for_await;
use futures::stream::{self, Stream};

async fn sum(s: impl Stream<Item = u32>) -> u32 {
    let mut total = 0;
    #[for_await]
    for x in s {
        total += x;
    }
    total
}

fn main() {
    let _ = sum(stream::iter([1]));
}
