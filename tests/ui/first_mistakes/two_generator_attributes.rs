// One function, two generator attributes.
#[yieldkit::async_gen]
#[yieldkit::async_gen]
async fn twice() -> u32 {
    yield_!(1);
}

#[yieldkit::generator]
#[yieldkit::async_gen]
async fn both() -> u32 {
    yield_!(1);
}

fn main() {
    let _ = twice();
    let _ = both();
}
