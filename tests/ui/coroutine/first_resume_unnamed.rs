use yieldkit::Coroutine;

#[yieldkit::coroutine]
fn echo() -> impl Coroutine<String, Yield = usize, Return = ()> {
    let mut line = yield_!(0);
    loop {
        line = yield_!(line.len());
    }
}

fn main() {
    let _ = echo();
}
