use futures_core::Stream;

#[yieldkit::for_await]
async fn sum(s: impl Stream<Item = u32>) -> u32 {
    let mut total = 0;
    #[for_await]
    for x in s {
        total += x;
    }
    total
}

fn main() {}
