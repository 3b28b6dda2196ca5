use yieldkit::AsyncCoroutine;

#[yieldkit::coroutine(first = first)]
async fn echo() -> impl AsyncCoroutine<Option<u32>, Yield = u32, Return = usize> {
    let mut n = 0;
    let mut next = first;
    while let Some(x) = next {
        n += 1;
        next = yield_!(x);
    }
    n
}

#[yieldkit::coroutine(first = first)]
async fn delegating() -> impl AsyncCoroutine<Option<u32>, Yield = u32, Return = usize> {
    yield_from!(echo(), first)
}

fn main() {}
