//! Generates the differential test's programs (edition 2021) into `OUT_DIR`; see the
//! documentation of `yieldkit-differential`.

#[path = "../src/generate.rs"]
#[allow(dead_code, unreachable_pub)]
mod generate;

fn main() {
    generate::emit("2021", generate::Areas::default_run(), "../src/generate.rs");
}
