#[yieldkit::async_gen]
async fn f(input: &str) -> u32 {
    let n: u32 = input.parse()?;
    yield_!(n);
}

fn main() {
    let _ = f("1");
}
