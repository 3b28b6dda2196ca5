// `boxed` on an async coroutine.
use yieldkit::AsyncCoroutine;

#[yieldkit::coroutine(boxed)]
async fn echo() -> impl AsyncCoroutine<(), Yield = u32, Return = ()> {
    yield_!(1);
}

fn main() {
    let _ = echo();
}
