//! Generates the differential test's programs (edition 2024) into `OUT_DIR`; see the
//! crate documentation.

#[path = "src/generate.rs"]
#[allow(dead_code, unreachable_pub)]
mod generate;

fn main() {
    generate::emit("2024", generate::Areas::default_run(), "src/generate.rs");
}
