async fn fetch() -> u32 {
    1
}

#[agen::generator]
fn numbers() -> u32 {
    let x = fetch().await;
    yield_!(x);
}

fn main() {
    let _ = numbers();
}
