// `crate = ..` takes the path the runtime is reached by.
#[yieldkit::async_gen(crate = "yieldkit")]
async fn f() -> u32 {
    yield_!(1);
}

fn main() {
    let _ = f();
}
