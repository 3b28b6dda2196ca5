fn main() {
    let _ = yieldkit::iter! {
        for i in 1..=3u32 {
            yield i * i;
        }
    };
}
