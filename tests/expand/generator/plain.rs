#[yieldkit::generator]
fn fib() -> u64 {
    let (mut a, mut b) = (0, 1);
    loop {
        yield_!(a);
        (a, b) = (b, a + b);
    }
}

fn main() {}
