#[yieldkit::async_gen(boxxed)]
async fn f() -> u32 {
    yield_!(1);
}

fn main() {
    let _ = f();
}
