fn main() {
    let s = futures::stream::iter([1, 2]);
    let _ = yieldkit::iter! {
        for await x in s {
            yield x;
        }
    };
}
