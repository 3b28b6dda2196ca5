//! The generated programs, part 0 (see the crate documentation of `yieldkit-differential`).

#[allow(
    unused,
    unreachable_code,
    unused_braces,
    unused_parens,
    unused_labels,
    unused_mut,
    unreachable_pub,
    clippy::all,
    clippy::pedantic
)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/part0.rs"));
}

#[test]
fn differential() {
    yieldkit_differential::support::check_all(
        concat!(env!("CARGO_PKG_NAME"), ", part 0"),
        generated::CASES,
    );
}
