async fn fetch() -> u32 {
    1
}

#[yieldkit::generator]
fn numbers() -> u32 {
    let x = fetch().await;
    yield_!(x);
}

fn main() {
    let _ = numbers();
}
