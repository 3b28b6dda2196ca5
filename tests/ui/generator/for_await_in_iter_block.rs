fn main() {
    let s = futures::stream::iter([1, 2]);
    let _ = agen::iter! {
        for await x in s {
            yield x;
        }
    };
}
