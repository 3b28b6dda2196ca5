// A lazy buffered `try` comprehension: the producer checks the shared stop flag after
// each yield and closes its sources when `UntilErr` raises it at the first `Err`.
async fn fetch(x: u32) -> Result<u32, String> {
    Ok(x)
}

fn lazy(xs: Vec<u32>) -> impl futures_core::Stream<Item = Result<u32, String>> {
    yieldkit::collect![fetch(x).await for x in xs; stream, buffered(2), try]
}

fn main() {}
