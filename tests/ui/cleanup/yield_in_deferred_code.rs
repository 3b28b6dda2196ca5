// A `yield_!` in a `defer!` block: deferred code runs while the generator is leaving,
// when nothing can take the value.

#[yieldkit::async_gen]
async fn numbers() -> u32 {
    defer! {
        yield_!(0);
    }
    yield_!(1);
}

fn main() {
    let _ = yieldkit::iter! {
        defer! { yield 2; }
        yield 1;
    };
    let _ = numbers();
}
