use yieldkit::Coroutine;

#[yieldkit::coroutine]
fn outer() -> impl Coroutine<(), Yield = u32, Return = ()> {
    yield_from!(vec![1, 2, 3]);
}

fn main() {
    let _ = outer();
}
