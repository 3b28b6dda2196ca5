use yieldkit::Coroutine;

#[yieldkit::coroutine(boxed)]
fn countdown(from: u32) -> impl Coroutine<(), Yield = u32, Return = &'static str> {
    for i in (1..=from).rev() {
        yield_!(i);
    }
    "liftoff"
}

fn main() {}
