use yieldkit::collect;

fn main() {
    let xs = vec![1, 2, 3];
    let _ = collect![x * 2 for await x in xs; stream];
}
