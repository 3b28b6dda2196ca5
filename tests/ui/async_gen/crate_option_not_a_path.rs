// `crate = ..` takes the path the runtime is reached by.
#[agen::async_gen(crate = "agen")]
async fn f() -> u32 {
    yield_!(1);
}

fn main() {
    let _ = f();
}
