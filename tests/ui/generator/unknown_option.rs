#[yieldkit::generator(first = x)]
fn numbers() -> u32 {
    yield_!(1);
}

#[yieldkit::generator(boxed, unboxed)]
fn more() -> u32 {
    yield_!(1);
}

fn main() {}
