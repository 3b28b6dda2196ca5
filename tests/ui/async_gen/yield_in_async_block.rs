#[yieldkit::async_gen]
async fn f() -> u32 {
    let fut = async {
        yield_!(1);
    };
    fut.await;
}

fn main() {
    let _ = f();
}
