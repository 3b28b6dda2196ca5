use yieldkit::Coroutine;
use core::pin::pin;

#[yieldkit::coroutine(first = first)]
fn averager() -> impl Coroutine<f64, Yield = f64, Return = ()> {
    let (mut total, mut count) = (first, 1.0);
    loop {
        total += yield_!(total / count);
        count += 1.0;
    }
}

fn main() {
    let mut avg = pin!(averager());
    let _ = avg.as_mut().resume(1.0);
    let _ = avg.as_mut().resume("two");
}
