use yieldkit::Coroutine;

// `return` inside a closure belongs to the closure, not to the coroutine.
#[yieldkit::coroutine]
fn numbers() -> impl Coroutine<(), Yield = u32, Return = u32> {
    let f = |x: u32| -> u32 { return x + 1; };
    yield_!(f(1));
    return "two";
}

fn main() {
    let _ = numbers();
}
