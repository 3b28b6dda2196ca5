// A user macro that wraps its argument in an async block (the async-stream #106
// pattern) or a closure: the yield would run in a different future or function.
macro_rules! in_async_block {
    ($e:expr) => {
        async move { $e }
    };
}

macro_rules! in_closure {
    ($e:expr) => {
        || $e
    };
}

#[yieldkit::async_gen]
async fn f() -> u32 {
    let fut = in_async_block!(yield_!(1));
    fut.await;
    let g = in_closure!(yield_!(2));
    g();
}

fn main() {
    let _ = f();
}
