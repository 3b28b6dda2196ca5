//! D1: W1 with a `defer!` around its loop, against W1 without one and the
//! hand-written stream, all drained by the same `while let` loop: what a body that
//! uses awaited cleanup pays for it (the cleanup scope's count and the close check at
//! each yield).

use core::hint::black_box;
use core::pin::pin;

use crate::floor;
use crate::harness::{Cell, drive_future, next};

#[yieldkit::async_gen]
async fn plain(n: u64) -> u64 {
    for i in 0..n {
        yield_!(i);
    }
}

#[yieldkit::async_gen]
async fn deferred(n: u64, cleaned: &mut u64) -> u64 {
    defer! {
        *cleaned += 1;
    }
    for i in 0..n {
        yield_!(i);
    }
}

fn by_hand(n: u64) -> u64 {
    drive_future(pin!(async move {
        let mut s = pin!(floor::w1::<102>(n));
        let mut sum = 0u64;
        while let Some(x) = next(s.as_mut()).await {
            sum = sum.wrapping_add(black_box(x));
        }
        sum
    }))
}

fn without_defer(n: u64) -> u64 {
    drive_future(pin!(async move {
        let mut s = pin!(plain(n));
        let mut sum = 0u64;
        while let Some(x) = next(s.as_mut()).await {
            sum = sum.wrapping_add(black_box(x));
        }
        sum
    }))
}

fn with_defer(n: u64) -> u64 {
    drive_future(pin!(async move {
        let mut cleaned = 0;
        let mut sum = 0u64;
        {
            let mut s = pin!(deferred(n, &mut cleaned));
            while let Some(x) = next(s.as_mut()).await {
                sum = sum.wrapping_add(black_box(x));
            }
        }
        assert_eq!(black_box(cleaned), 1, "the deferred code ran once");
        sum
    }))
}

fn no_size() -> usize {
    0
}

pub fn cells() -> Vec<Cell> {
    let cell = |imp, run| Cell {
        imp,
        workload: "D1",
        mode: "next",
        run,
        size: no_size,
    };
    vec![
        cell("hand-written", by_hand as fn(u64) -> u64),
        cell("yieldkit #[async_gen]", without_defer),
        cell("yieldkit #[async_gen] + defer!", with_defer),
    ]
}
