#[agen::generator(first = x)]
fn numbers() -> u32 {
    yield_!(1);
}

#[agen::generator(boxed, unboxed)]
fn more() -> u32 {
    yield_!(1);
}

fn main() {}
