// `#[coroutine]` without the crate path is the compiler's own (unstable) attribute.
use yieldkit::Coroutine;

#[coroutine]
fn counter() -> impl Coroutine<(), Yield = u32, Return = ()> {
    yield_!(1);
}

fn main() {
    let _ = counter();
}
