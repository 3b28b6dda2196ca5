#[yieldkit::async_gen]
async fn f() -> u32 {
    let name = "seven";
    yield_!(name);
}

fn main() {
    let _ = f();
}
