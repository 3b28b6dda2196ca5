//! Runs the stable suite's cells; see `harness::main_with` for the command line.

#[global_allocator]
static ALLOC: agen_benches::harness::Counting = agen_benches::harness::Counting;

fn main() {
    agen_benches::harness::main_with(agen_benches::cells());
}
