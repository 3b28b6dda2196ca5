// Two yields that would run concurrently inside one body: each is its own future,
// which the generator cannot hand out; both are rejected at the `yield_!`.
#[yieldkit::async_gen]
async fn racing() -> u32 {
    futures::join!(async { yield_!(1) }, async { yield_!(2) });
}

fn main() {
    let _ = racing();
}
