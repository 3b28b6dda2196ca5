use yieldkit::collect;

fn main() {
    let s = futures::stream::iter([1, 2, 3]);
    let _: Vec<i32> = collect![x for await x in s];
}
