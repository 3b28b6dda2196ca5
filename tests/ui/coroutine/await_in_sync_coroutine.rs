use agen::Coroutine;

async fn fetch() -> u32 {
    1
}

#[agen::coroutine]
fn numbers() -> impl Coroutine<(), Yield = u32, Return = ()> {
    yield_!(fetch().await);
}

fn main() {
    let _ = numbers();
}
