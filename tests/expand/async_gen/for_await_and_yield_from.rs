use futures_core::Stream;

#[yieldkit::async_gen]
async fn doubled(inner: impl Stream<Item = u32>, more: impl Stream<Item = u32>) -> u32 {
    #[for_await]
    'outer: for x in inner {
        if x > 100 {
            break 'outer;
        }
        yield_!(x * 2);
    }
    yield_from!(more);
}

fn main() {}
