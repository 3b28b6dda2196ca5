async fn fetch() -> u32 {
    1
}

fn main() {
    let _ = yieldkit::iter! {
        yield fetch().await;
    };
}
