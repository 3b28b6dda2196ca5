// Public constructors: the token a closure handed to `AsyncGen::new` receives can do
// nothing by itself.
fn main() {
    let _ = yieldkit::AsyncGen::new(|token: yieldkit::YieldToken<u32>| async move {
        token.yield_(1).await;
    });
}
