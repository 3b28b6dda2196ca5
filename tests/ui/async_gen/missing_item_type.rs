#[yieldkit::async_gen]
async fn f() {
    yield_!(1);
}

fn main() {
    let _ = f();
}
