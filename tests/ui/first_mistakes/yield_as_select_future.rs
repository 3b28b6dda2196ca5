// `yield_!` as one of `join!`'s futures: it is a statement of the body, not a future.
#[yieldkit::async_gen]
async fn numbers() -> u32 {
    futures::join!(yield_!(1), async {});
}

fn main() {
    let _ = numbers();
}
