// An error inside the body is reported once; the function keeps its stream
// signature, so callers type-check as usual (no cascade of errors at the call sites).
use futures::StreamExt;

#[yieldkit::async_gen]
async fn numbers() -> u32 {
    let each = |x| yield_!(x);
    each(1);
}

async fn caller() -> Option<u32> {
    let mut stream = std::pin::pin!(numbers());
    stream.next().await
}

fn main() {
    let _ = caller();
}
