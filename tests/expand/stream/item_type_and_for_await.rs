fn main() {
    let inner = agen::stream! {
        yield 1u32;
    };
    let _ = agen::stream! {
        type Item = u64;
        for await x in inner {
            yield u64::from(x);
        }
    };
}
