#[yieldkit::coroutine]
fn numbers() -> u32 {
    yield_!(1);
}

fn main() {
    let _ = numbers();
}
