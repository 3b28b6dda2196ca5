//! C1: `collect!` into a `Vec` against the hand-written `while let` loop, both over
//! the hand-written stream of `0..n` so only the collecting code differs.

use core::hint::black_box;
use core::pin::pin;

use crate::floor;
use crate::harness::{Cell, drive_future, next};

fn checksum(v: &[u64]) -> u64 {
    v.iter().fold(0u64, |a, &x| a.wrapping_add(x))
}

fn by_hand(n: u64) -> u64 {
    drive_future(pin!(async move {
        let mut s = pin!(floor::w1::<100>(n));
        let mut v = Vec::new();
        while let Some(x) = next(s.as_mut()).await {
            v.push(x);
        }
        black_box(checksum(&v))
    }))
}

fn with_collect(n: u64) -> u64 {
    drive_future(pin!(async move {
        let v: Vec<u64> = yieldkit::collect![x for await x in floor::w1::<101>(n)];
        black_box(checksum(&v))
    }))
}

fn no_size() -> usize {
    0
}

pub fn cells() -> Vec<Cell> {
    let cell = |imp, run| Cell {
        imp,
        workload: "C1",
        mode: "next",
        run,
        size: no_size,
    };
    vec![
        cell("hand-written while let", by_hand as fn(u64) -> u64),
        cell("yieldkit collect!", with_collect),
    ]
}
