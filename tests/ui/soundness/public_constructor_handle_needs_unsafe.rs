// Public constructors: a closure handed to `AsyncGen::new` by hand receives a token;
// turning it into a handle is `unsafe`, even in the body future itself.
fn main() {
    let _ = yieldkit::AsyncGen::new(|token: yieldkit::YieldToken<u32>| async move {
        let brand = yieldkit::Brand::new();
        let mut handle = yieldkit::Yielder::new(token, &brand);
        handle.yield_(1).await;
    });
}
