async fn fetch(x: u32) -> Result<u32, String> {
    Ok(x)
}

async fn all(xs: Vec<u32>) -> Result<Vec<u32>, String> {
    yieldkit::collect![fetch(x).await for x in xs; buffered(2), try]
}

fn lazy(xs: Vec<u32>) -> impl futures_core::Stream<Item = Result<u32, String>> {
    yieldkit::collect![fetch(x).await for x in xs; stream, buffer_unordered(4)]
}

fn main() {}
