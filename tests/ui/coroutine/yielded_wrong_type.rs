use agen::Coroutine;

#[agen::coroutine]
fn numbers() -> impl Coroutine<(), Yield = u32, Return = ()> {
    yield_!("one");
}

fn main() {
    let _ = numbers();
}
