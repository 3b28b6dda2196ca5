use yieldkit::collect;

async fn double(x: u32) -> u32 {
    x * 2
}

async fn run() {
    let _: Vec<u32> = collect![await double(x) for x in [1, 2]];
}

fn main() {
    let _ = run();
}
