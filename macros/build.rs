//! Tells the macros whether the compiler accepts `#![feature(..)]`: a nightly or dev
//! build, or any build under `RUSTC_BOOTSTRAP`. There a bare `yield` in an attribute
//! form is the user's choice (`#![feature(coroutines)]`) and is taken as `yield_!`; on
//! a stable compiler it cannot compile, and the macros say what to write instead.

use std::env;
use std::process::Command;

fn main() {
    println!("cargo:rustc-check-cfg=cfg(yieldkit_unstable_compiler)");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=RUSTC_BOOTSTRAP");
    if unstable_features_allowed() {
        println!("cargo:rustc-cfg=yieldkit_unstable_compiler");
    }
}

fn unstable_features_allowed() -> bool {
    if env::var_os("RUSTC_BOOTSTRAP").is_some_and(|value| value != "0") {
        return true;
    }
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let Ok(output) = Command::new(rustc).arg("--version").output() else {
        // No answer: assume stable, whose only cost is a hint too many.
        return false;
    };
    let version = String::from_utf8_lossy(&output.stdout);
    version.contains("-nightly") || version.contains("-dev")
}
