// The default `#[generator]` and `iter!` box their state: without agen's `alloc`
// feature (this crate depends on agen with `default-features = false`), the error says
// to enable it or to use `unboxed`.

#[agen::generator]
fn numbers() -> u32 {
    yield_!(1);
}

fn block() -> impl Iterator<Item = u32> {
    agen::iter! {
        yield 2;
    }
}

fn main() {
    let _ = numbers();
    let _ = block();
}
