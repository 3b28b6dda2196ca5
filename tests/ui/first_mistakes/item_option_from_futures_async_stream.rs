// futures-async-stream's `item = T`: yieldkit takes the item type from the return type.
#[yieldkit::async_gen(item = u32)]
async fn numbers() {
    yield_!(1);
}

fn main() {
    let _ = numbers();
}
