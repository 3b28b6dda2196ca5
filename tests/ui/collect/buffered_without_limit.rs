use yieldkit::collect;

async fn run() {
    let _: Vec<u32> = collect![x for x in [1, 2]; buffered];
}

fn main() {
    let _ = run();
}
