#[yieldkit::generator]
fn numbers(xs: Vec<u32>) -> u32 {
    xs.into_iter().for_each(|x| yield_!(x));
}

fn main() {
    let _ = numbers(vec![1]);
}
