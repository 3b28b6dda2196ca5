//! R1: coroutine resumes. Each resume sends `i` in and gets the running sum back;
//! `#[yieldkit::coroutine]` against genawaiter's `resume_with` (rc and stack) and a
//! hand-written state machine (the floor). Figures are per resume.

use core::hint::black_box;
use core::pin::pin;

use genawaiter::GeneratorState;
use yieldkit::{Coroutine, CoroutineState};

use crate::harness::Cell;

/// The floor: the running sum as a plain struct.
fn by_hand(n: u64) -> u64 {
    struct RunningSum(u64);
    impl RunningSum {
        #[inline(never)]
        fn resume(&mut self, x: u64) -> u64 {
            self.0 = self.0.wrapping_add(x);
            self.0
        }
    }
    let mut co = RunningSum(0);
    let mut check = 0u64;
    for i in 0..n {
        check ^= co.resume(black_box(i));
    }
    black_box(check)
}

#[yieldkit::coroutine(first = first)]
fn running_sum() -> impl Coroutine<u64, Yield = u64, Return = ()> {
    let mut sum = first;
    loop {
        let x = yield_!(sum);
        sum = sum.wrapping_add(x);
    }
}

fn with_yieldkit(n: u64) -> u64 {
    let mut co = pin!(running_sum());
    let mut check = 0u64;
    for i in 0..n {
        if let CoroutineState::Yielded(sum) = co.as_mut().resume(black_box(i)) {
            check ^= sum;
        }
    }
    black_box(check)
}

async fn genawaiter_body_rc(co: genawaiter::rc::Co<u64, u64>) {
    // genawaiter drops the first resume value: the sum starts at 0.
    let mut sum = 0u64;
    loop {
        let x = co.yield_(sum).await;
        sum = sum.wrapping_add(x);
    }
}

fn with_genawaiter_rc(n: u64) -> u64 {
    let mut co = genawaiter::rc::Gen::new(genawaiter_body_rc);
    let mut check = 0u64;
    for i in 0..n {
        if let GeneratorState::Yielded(sum) = co.resume_with(black_box(i)) {
            check ^= sum;
        }
    }
    black_box(check)
}

async fn genawaiter_body_stack(co: genawaiter::stack::Co<'_, u64, u64>) {
    let mut sum = 0u64;
    loop {
        let x = co.yield_(sum).await;
        sum = sum.wrapping_add(x);
    }
}

fn with_genawaiter_stack(n: u64) -> u64 {
    genawaiter::stack::let_gen_using!(co, genawaiter_body_stack);
    let mut check = 0u64;
    for i in 0..n {
        if let GeneratorState::Yielded(sum) = co.resume_with(black_box(i)) {
            check ^= sum;
        }
    }
    black_box(check)
}

fn no_size() -> usize {
    0
}

pub fn cells() -> Vec<Cell> {
    let cell = |imp, run| Cell {
        imp,
        workload: "R1",
        mode: "resume",
        run,
        size: no_size,
    };
    vec![
        cell("hand-written", by_hand as fn(u64) -> u64),
        cell("yieldkit #[coroutine]", with_yieldkit),
        cell("genawaiter rc", with_genawaiter_rc),
        cell("genawaiter stack", with_genawaiter_stack),
    ]
}
