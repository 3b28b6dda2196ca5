use yieldkit::Coroutine;

#[yieldkit::coroutine]
fn running_total() -> impl Coroutine<u32, Yield = u32> {
    let mut total = 0;
    loop {
        total += yield_!(total);
    }
}

fn main() {
    let _ = running_total();
}
