#[yieldkit::generator]
fn numbers() -> u32 {
    yield_from!(42u32);
}

fn main() {
    let _ = numbers();
}
