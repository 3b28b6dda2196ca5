// `.next()` on a stream that is not pinned.
use futures::StreamExt;

#[yieldkit::async_gen]
async fn numbers() -> u32 {
    yield_!(1);
}

fn main() {
    let mut s = numbers();
    let _ = yieldkit::block_on(s.next());
}
