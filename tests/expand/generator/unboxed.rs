#[yieldkit::generator(unboxed)]
fn evens(below: u32) -> u32 {
    for i in (0..below).step_by(2) {
        yield_!(i);
    }
}

fn main() {}
