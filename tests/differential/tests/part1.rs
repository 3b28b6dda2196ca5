//! The generated programs, part 1 (see the crate documentation of `yieldkit-differential`).

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
    include!(concat!(env!("OUT_DIR"), "/part1.rs"));
}

#[test]
fn differential() {
    yieldkit_differential::support::check_all(
        concat!(env!("CARGO_PKG_NAME"), ", part 1"),
        generated::CASES,
    );
}
