//! Runs the stable suite's cells; see `harness::main_with` for the command line.

#[global_allocator]
static ALLOC: yieldkit_benches::harness::Counting = yieldkit_benches::harness::Counting;

fn main() {
    yieldkit_benches::harness::main_with(yieldkit_benches::cells());
}
