use yieldkit::Coroutine;

async fn fetch() -> u32 {
    1
}

#[yieldkit::coroutine]
fn numbers() -> impl Coroutine<(), Yield = u32, Return = ()> {
    yield_!(fetch().await);
}

fn main() {
    let _ = numbers();
}
