// A coroutine delegating inside a `defer!`'s scope: the delegation is a region that
// closes the sub-coroutine when a close leaves from its yield.
#[yieldkit::coroutine]
fn outer(log: &std::cell::Cell<u32>) -> impl yieldkit::Coroutine<(), Yield = u32, Return = u32> + '_ {
    defer! {
        log.set(1);
    }
    yield_from!(inner())
}

#[yieldkit::coroutine]
fn inner() -> impl yieldkit::Coroutine<(), Yield = u32, Return = u32> {
    yield_!(1);
    2
}

fn main() {}
