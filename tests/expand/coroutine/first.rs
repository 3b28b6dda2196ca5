use yieldkit::Coroutine;

#[yieldkit::coroutine(first = first)]
fn total() -> impl Coroutine<u32, Yield = u32, Return = u32> {
    let mut sum = first;
    loop {
        let x = yield_!(sum);
        if x == 0 {
            return sum;
        }
        sum += x;
    }
}

fn main() {}
