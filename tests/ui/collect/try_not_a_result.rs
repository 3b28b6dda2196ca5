use yieldkit::collect;

fn main() {
    let xs = [1, 2, 3];
    let _: Result<Vec<i32>, ()> = collect![x * 2 for x in xs; try];
}
