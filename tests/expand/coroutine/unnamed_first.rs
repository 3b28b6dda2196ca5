#[yieldkit::coroutine]
fn three() -> impl yieldkit::Coroutine<(), Yield = u8, Return = ()> {
    yield_!(1);
    yield_!(2);
    yield_!(3);
}

fn main() {}
