use yieldkit::Coroutine;

#[yieldkit::coroutine]
fn numbers() -> impl Coroutine<(), Yield = u32, Return = ()> {
    yield_!("one");
}

fn main() {
    let _ = numbers();
}
