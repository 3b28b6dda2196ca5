// `yield_!` inside a lazy comprehension's element.
#[yieldkit::generator]
fn numbers() -> u32 {
    let _lazy = yieldkit::collect![yield_!(x) for x in 0..3u32; iter];
}

fn main() {
    let _ = numbers();
}
