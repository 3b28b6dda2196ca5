use futures_core::Stream;

fn lazy(xs: Vec<u32>, s: impl Stream<Item = u32>) -> (impl Iterator<Item = u32>, impl Stream<Item = u32>) {
    (
        yieldkit::collect![x + 1 for x in xs; iter],
        yieldkit::collect![x * 2 for await x in s if x > 0; stream],
    )
}

fn main() {}
