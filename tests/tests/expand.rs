//! Expansion snapshots: what every form and option of yieldkit's macros expands to, one
//! case a file in `expand/<topic>/`, next to its reviewed `.expanded.rs`, so that a
//! change to the generated code shows up in review. Regenerate with
//! `MACROTEST=overwrite cargo test -p yieldkit-tests --test expand`.
//!
//! They need `cargo expand`, at the version the snapshots were made with (its
//! pretty-printer decides the layout): `cargo install cargo-expand --locked --version
//! 1.0.127`. Without it the test says so and passes, unless `YIELDKIT_REQUIRE_EXPAND` is
//! set, as `.ci/run` does after installing it.

// macrotest runs `cargo expand`: nothing for Miri to check.
#![cfg(not(miri))]

use std::process::Command;

#[test]
fn expansions() {
    let installed = Command::new("cargo")
        .args(["expand", "--version"])
        .output()
        .is_ok_and(|out| out.status.success());
    if !installed {
        assert!(
            std::env::var_os("YIELDKIT_REQUIRE_EXPAND").is_none(),
            "`cargo expand` is not installed, and YIELDKIT_REQUIRE_EXPAND is set"
        );
        eprintln!(
            "skipped: `cargo expand` is not installed \
             (cargo install cargo-expand --locked --version 1.0.127)"
        );
        return;
    }
    macrotest::expand("expand/**/*.rs");
}
