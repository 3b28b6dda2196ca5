fn main() {
    let _ = agen::stream! {
        for i in 0..3u32 {
            yield i;
        }
    };
}
