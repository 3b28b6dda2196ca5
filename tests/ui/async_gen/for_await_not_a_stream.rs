#[yieldkit::async_gen]
async fn f() -> u32 {
    let numbers = vec![1, 2, 3];
    #[for_await]
    for x in numbers {
        yield_!(x);
    }
}

fn main() {
    let _ = f();
}
