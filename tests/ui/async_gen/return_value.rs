#[yieldkit::async_gen]
async fn f(n: u32) -> u32 {
    if n == 0 {
        return 5;
    }
    yield_!(n);
}

fn main() {
    let _ = f(1);
}
