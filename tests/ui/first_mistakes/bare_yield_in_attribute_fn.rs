// Python's `yield x`, in an attribute fn: the attribute says what to write instead.
#[yieldkit::async_gen]
async fn numbers() -> u32 {
    yield 1;
}

fn main() {
    let _ = numbers();
}
