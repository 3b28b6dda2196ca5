use yieldkit::collect;

async fn run() {
    let xs = vec![1, 2, 3];
    let _: Vec<i32> = collect![x for await x in xs];
}

fn main() {
    let _ = run();
}
