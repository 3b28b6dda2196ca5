// async-stream's habit: the return type is the item type here.
use futures::Stream;

#[yieldkit::async_gen]
async fn numbers() -> impl Stream<Item = u32> {
    yield_!(1);
}

fn main() {
    let _ = numbers();
}
