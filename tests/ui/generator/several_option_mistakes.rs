// Every unknown or conflicting option is reported in one pass, and the function is
// still emitted (no error at the call below).
#[yieldkit::generator(boxxed, unboxed, boxed, first = x)]
fn numbers() -> u32 {
    yield_!(1);
}

fn main() {
    let _ = numbers();
}
