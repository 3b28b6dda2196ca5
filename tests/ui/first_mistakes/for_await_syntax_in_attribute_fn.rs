// async-stream's `for await`, in an attribute fn.
use futures::stream::{self, Stream};

#[yieldkit::async_gen]
async fn doubled(s: impl Stream<Item = u32>) -> u32 {
    for await x in s {
        yield_!(x * 2);
    }
}

fn main() {
    let _ = doubled(stream::iter([1]));
}
