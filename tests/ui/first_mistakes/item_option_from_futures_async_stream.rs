// futures-async-stream's `item = T`: agen takes the item type from the return type.
#[agen::async_gen(item = u32)]
async fn numbers() {
    yield_!(1);
}

fn main() {
    let _ = numbers();
}
