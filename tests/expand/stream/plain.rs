fn main() {
    let _ = yieldkit::stream! {
        for i in 0..3u32 {
            yield i;
        }
    };
}
