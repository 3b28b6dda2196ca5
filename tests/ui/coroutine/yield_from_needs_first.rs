use yieldkit::Coroutine;

#[yieldkit::coroutine(first = first)]
fn inner() -> impl Coroutine<u32, Yield = u32, Return = u32> {
    let x = yield_!(first);
    x
}

#[yieldkit::coroutine(first = first)]
fn outer() -> impl Coroutine<u32, Yield = u32, Return = u32> {
    let _ = first;
    yield_from!(inner())
}

fn main() {
    let _ = outer();
}
