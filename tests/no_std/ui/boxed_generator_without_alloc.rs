// The default `#[generator]` and `iter!` box their state: without yieldkit's `alloc`
// feature (this crate depends on yieldkit with `default-features = false`), the error says
// to enable it or to use `unboxed`.

#[yieldkit::generator]
fn numbers() -> u32 {
    yield_!(1);
}

fn block() -> impl Iterator<Item = u32> {
    yieldkit::iter! {
        yield 2;
    }
}

fn main() {
    let _ = numbers();
    let _ = block();
}
