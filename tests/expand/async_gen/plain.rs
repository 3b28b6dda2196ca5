#[yieldkit::async_gen]
async fn countdown(from: u32) -> u32 {
    for i in (1..=from).rev() {
        yield_!(i);
    }
}

fn main() {}
