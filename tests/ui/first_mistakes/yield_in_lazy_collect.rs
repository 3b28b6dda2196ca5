// `yield_!` inside a lazy comprehension's element.
#[agen::generator]
fn numbers() -> u32 {
    let _lazy = agen::collect![yield_!(x) for x in 0..3u32; iter];
}

fn main() {
    let _ = numbers();
}
