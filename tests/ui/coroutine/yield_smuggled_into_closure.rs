use yieldkit::Coroutine;

// A user macro that wraps its input in a closure: the `yield_!` would belong to the
// closure, so it must not compile.
macro_rules! later {
    ($e:expr) => {
        (|| $e)()
    };
}

#[yieldkit::coroutine]
fn numbers() -> impl Coroutine<(), Yield = u32, Return = ()> {
    let _: () = later!(yield_!(1));
}

fn main() {
    let _ = numbers();
}
