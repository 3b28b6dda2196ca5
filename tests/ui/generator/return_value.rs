#[yieldkit::generator]
fn numbers() -> u32 {
    yield_!(1);
    return 2;
}

fn main() {
    let _ = numbers();
}
