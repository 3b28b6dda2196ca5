// `buffered()` without its limit: the error is at the parentheses.
use futures::stream;

async fn run() {
    let _ = yieldkit::collect![x for await x in stream::iter([1]); buffered()].await;
}

fn main() {
    let _ = run();
}
