fn main() {
    let inner = yieldkit::stream! {
        yield 1u32;
    };
    let _ = yieldkit::stream! {
        type Item = u64;
        for await x in inner {
            yield u64::from(x);
        }
    };
}
