#[yieldkit::async_gen]
async fn pairs((a, b): (u32, u32), _unused: String, mut n: usize) -> u32 {
    while n > 0 {
        n -= 1;
        yield_!(a + b);
    }
}

fn main() {}
