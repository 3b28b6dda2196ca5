#[yieldkit::async_gen]
fn f() -> u32 {
    yield_!(1);
}

fn main() {
    let _ = f();
}
