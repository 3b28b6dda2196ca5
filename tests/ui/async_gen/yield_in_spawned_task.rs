#[yieldkit::async_gen]
async fn f() -> u32 {
    tokio::spawn(async move {
        yield_!(1);
    });
}

fn main() {
    let _ = f();
}
