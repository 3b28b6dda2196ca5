fn main() {
    let _ = agen::iter! {
        for i in 1..=3u32 {
            yield i * i;
        }
    };
}
