async fn fetch() -> u32 {
    1
}

fn main() {
    let _ = agen::iter! {
        yield fetch().await;
    };
}
