use yieldkit::Coroutine;

#[yieldkit::coroutine]
fn count() -> impl Coroutine<(), Yield = u32, Return = u32> {
    yield_!(1);
    if true {
        return "done";
    }
    2
}

fn main() {
    let _ = count();
}
