use yieldkit::Coroutine;

#[yieldkit::coroutine]
fn numbers() -> impl Coroutine<Yield = u32, Return = ()> {
    yield_!(1);
}

fn main() {
    let _ = numbers();
}
