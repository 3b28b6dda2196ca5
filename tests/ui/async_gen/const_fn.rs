#[yieldkit::async_gen]
const async fn f() -> u32 {
    yield_!(1);
}

fn main() {
    let _ = f();
}
