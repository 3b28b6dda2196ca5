//! The measuring harness, shared word for word by the stable suite and the nightly
//! yardstick crate (which includes this file with `#[path]`), so every implementation
//! is driven by the same code.
//!
//! Every measured run goes through [`region`], one non-generic `#[inline(never)]`
//! function that callgrind is told to count (`--toggle-collect=yieldkit_bench_region`).
//! Inside, a cell function (monomorphised per implementation by [`async_cells!`])
//! builds its streams and drains them with one of the two consumers:
//! - `dyn`: [`drive_dyn`] polls a `Pin<&mut dyn Stream>` (one opaque call per item);
//! - `next`: `while let Some(x) = next(s).await` inside an async block, itself polled
//!   through `Pin<&mut dyn Future>` by [`drive_future`], so the optimiser may inline
//!   the stream into the consumer.
//!
//! The measurement trap: two cells polling the same stream type share one `poll_next`
//! instantiation, and whether LLVM inlines it then depends on the other cell (a `dyn`
//! cell takes its address; W4's body polls W1's type). So every workload function
//! takes a `const M: u8` used only to make its type distinct, and each cell passes
//! its own `M`: every cell has instantiations of its own, as a real program that
//! consumes a generator in one place has.

#![allow(
    dead_code,
    unused_imports,
    unused_macros,
    reason = "each including crate uses a different subset"
)]

use core::future::Future;
use core::hint::black_box;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use futures_core::Stream;

/// The workloads' sizes at scale 1 (the figures).
pub const W1_ITEMS: u64 = 1_000_000;
pub const W3_ROWS: u64 = 1000;
pub const W5_GENERATORS: u64 = 1_000_000;

/// One measured combination of implementation, workload and consumer.
#[derive(Clone, Copy, Debug)]
pub struct Cell {
    pub imp: &'static str,
    pub workload: &'static str,
    pub mode: &'static str,
    /// Runs the workload at size `n` and returns the checksum.
    pub run: fn(u64) -> u64,
    /// `size_of` of the stream (or iterator) object; 0 when not measurable.
    pub size: fn() -> usize,
}

impl Cell {
    /// The size `n` to pass to `run` at `scale` (1.0 = the sizes).
    pub fn n(&self, scale: f64) -> u64 {
        let base = match self.workload {
            "W3" | "S3" => W3_ROWS,
            "W5" => W5_GENERATORS,
            _ => W1_ITEMS,
        };
        ((base as f64 * scale) as u64).max(2)
    }

    /// How many units (items, or generators for W5) a run of size `n` produces.
    pub fn units(&self, n: u64) -> u64 {
        match self.workload {
            // i and j of equal parity: half of the rows x 1000 pairs.
            "W3" | "S3" => n * 1000 / 2,
            _ => n,
        }
    }

    pub fn key(&self) -> String {
        format!("{}/{}/{}", self.workload, self.mode, self.imp)
    }
}

/// The measured region: everything callgrind counts happens inside this call.
#[unsafe(no_mangle)]
#[inline(never)]
pub extern "Rust" fn yieldkit_bench_region(run: fn(u64) -> u64, n: u64) -> u64 {
    run(black_box(n))
}

/// Drains a stream through an opaque `dyn Stream`, summing its items.
#[inline(never)]
pub fn drive_dyn(mut s: Pin<&mut dyn Stream<Item = u64>>) -> u64 {
    let mut cx = Context::from_waker(Waker::noop());
    let mut sum = 0u64;
    loop {
        match s.as_mut().poll_next(&mut cx) {
            Poll::Ready(Some(x)) => sum = sum.wrapping_add(black_box(x)),
            Poll::Ready(None) => return sum,
            Poll::Pending => {}
        }
    }
}

/// Polls an opaque future to completion with a no-op waker.
#[inline(never)]
pub fn drive_future(mut f: Pin<&mut dyn Future<Output = u64>>) -> u64 {
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

/// Drains an iterator through `&mut dyn Iterator`.
#[inline(never)]
#[allow(
    clippy::while_let_on_iterator,
    reason = "spelled out: one `next` call through the vtable per item"
)]
pub fn drive_dyn_iter(it: &mut dyn Iterator<Item = u64>) -> u64 {
    let mut sum = 0u64;
    while let Some(x) = it.next() {
        sum = sum.wrapping_add(black_box(x));
    }
    sum
}

/// Drains an iterator with a plain `for` loop (monomorphised, may be inlined).
#[inline(always)]
pub fn sum_for(it: impl Iterator<Item = u64>) -> u64 {
    let mut sum = 0u64;
    for x in it {
        sum = sum.wrapping_add(black_box(x));
    }
    sum
}

/// `StreamExt::next` for a pinned stream, written here so the nightly crate needs no
/// `futures`.
pub struct Next<'a, S: ?Sized>(Pin<&'a mut S>);

impl<S: Stream + ?Sized> Future for Next<'_, S> {
    type Output = Option<S::Item>;

    #[inline(always)]
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.0.as_mut().poll_next(cx)
    }
}

#[inline(always)]
pub fn next<S: Stream + ?Sized>(s: Pin<&mut S>) -> Next<'_, S> {
    Next(s)
}

/// The `next` consumer's loop.
#[inline(always)]
pub async fn sum_next<S: Stream<Item = u64> + ?Sized>(mut s: Pin<&mut S>) -> u64 {
    let mut sum = 0u64;
    while let Some(x) = next(s.as_mut()).await {
        sum = sum.wrapping_add(black_box(x));
    }
    sum
}

/// Binds `$s` to the pinned stream `$f(args)`: how most implementations are built.
macro_rules! bind_pinned {
    ($s:ident, $f:path, $($a:expr),*) => {
        let $s = ::core::pin::pin!($f($($a),*));
    };
}
pub(crate) use bind_pinned;

/// `size_of` the stream `$f(args)`.
macro_rules! size_plain {
    ($f:path, $($a:expr),*) => {
        ::core::mem::size_of_val(&$f($($a),*))
    };
}
pub(crate) use size_plain;

/// The cells W1-W5 in both consumer modes for one implementation module `$m`, which
/// provides `w1(n)`, `w2(n)`, `w3(rows)`, `w4(n)`, `w5(first)`. `$bind` binds a pinned
/// stream (see [`bind_pinned`]), `$size` measures one.
macro_rules! async_cells {
    ($name:expr, $m:path, $bind:ident, $size:ident) => {{
        use $crate::harness::{Cell, drive_dyn, drive_future, sum_next};
        use $m as m;
        fn w1_dyn(n: u64) -> u64 {
            $bind!(s, m::w1::<10>, n);
            drive_dyn(s)
        }
        fn w1_next(n: u64) -> u64 {
            drive_future(::core::pin::pin!(async move {
                $bind!(s, m::w1::<11>, n);
                sum_next(s).await
            }))
        }
        fn w2_dyn(n: u64) -> u64 {
            $bind!(s, m::w2::<20>, n);
            drive_dyn(s)
        }
        fn w2_next(n: u64) -> u64 {
            drive_future(::core::pin::pin!(async move {
                $bind!(s, m::w2::<21>, n);
                sum_next(s).await
            }))
        }
        fn w3_dyn(n: u64) -> u64 {
            $bind!(s, m::w3::<30>, n);
            drive_dyn(s)
        }
        fn w3_next(n: u64) -> u64 {
            drive_future(::core::pin::pin!(async move {
                $bind!(s, m::w3::<31>, n);
                sum_next(s).await
            }))
        }
        fn w4_dyn(n: u64) -> u64 {
            $bind!(s, m::w4::<40>, n);
            drive_dyn(s)
        }
        fn w4_next(n: u64) -> u64 {
            drive_future(::core::pin::pin!(async move {
                $bind!(s, m::w4::<41>, n);
                sum_next(s).await
            }))
        }
        fn w5_dyn(n: u64) -> u64 {
            let mut sum = 0u64;
            for i in 0..n {
                $bind!(s, m::w5::<50>, i);
                sum = sum.wrapping_add(drive_dyn(s));
            }
            sum
        }
        fn w5_next(n: u64) -> u64 {
            drive_future(::core::pin::pin!(async move {
                let mut sum = 0u64;
                for i in 0..n {
                    $bind!(s, m::w5::<51>, i);
                    sum = sum.wrapping_add(sum_next(s).await);
                }
                sum
            }))
        }
        fn size1() -> usize {
            $size!(m::w1::<0>, 1)
        }
        fn size2() -> usize {
            $size!(m::w2::<0>, 1)
        }
        fn size3() -> usize {
            $size!(m::w3::<0>, 1)
        }
        fn size4() -> usize {
            $size!(m::w4::<0>, 1)
        }
        fn size5() -> usize {
            $size!(m::w5::<0>, 1)
        }
        let cell = |workload, mode, run, size| Cell {
            imp: $name,
            workload,
            mode,
            run,
            size,
        };
        vec![
            cell(
                "W1",
                "dyn",
                w1_dyn as fn(u64) -> u64,
                size1 as fn() -> usize,
            ),
            cell("W1", "next", w1_next, size1),
            cell("W2", "dyn", w2_dyn, size2),
            cell("W2", "next", w2_next, size2),
            cell("W3", "dyn", w3_dyn, size3),
            cell("W3", "next", w3_next, size3),
            cell("W4", "dyn", w4_dyn, size4),
            cell("W4", "next", w4_next, size4),
            cell("W5", "dyn", w5_dyn, size5),
            cell("W5", "next", w5_next, size5),
        ]
    }};
}
pub(crate) use async_cells;

/// Binds `$it` to the iterator `$f(args)`.
macro_rules! bind_iter {
    ($it:ident, $f:path, $($a:expr),*) => {
        let $it = $f($($a),*);
    };
}
pub(crate) use bind_iter;

/// Binds `$it` to the pinned `$f(args)`, for iterators that must be pinned on the stack.
macro_rules! bind_iter_pinned {
    ($it:ident, $f:path, $($a:expr),*) => {
        let $it = ::core::pin::pin!($f($($a),*));
    };
}
pub(crate) use bind_iter_pinned;

/// The sync cells S1 and S3 for one module providing `s1(n)` and `s3(rows)`: through
/// `&mut dyn Iterator` and through a `for` loop. `$bind` is [`bind_iter`] or
/// [`bind_iter_pinned`].
macro_rules! sync_cells {
    ($name:expr, $m:path, $bind:ident) => {{
        use $crate::harness::{Cell, drive_dyn_iter, sum_for};
        use $m as m;
        fn s1_dyn(n: u64) -> u64 {
            $bind!(it, m::s1::<60>, n);
            let mut it = it;
            drive_dyn_iter(&mut it)
        }
        fn s1_for(n: u64) -> u64 {
            $bind!(it, m::s1::<61>, n);
            sum_for(it)
        }
        fn s3_dyn(n: u64) -> u64 {
            $bind!(it, m::s3::<70>, n);
            let mut it = it;
            drive_dyn_iter(&mut it)
        }
        fn s3_for(n: u64) -> u64 {
            $bind!(it, m::s3::<71>, n);
            sum_for(it)
        }
        fn size1() -> usize {
            ::core::mem::size_of_val(&m::s1::<0>(1))
        }
        fn size3() -> usize {
            ::core::mem::size_of_val(&m::s3::<0>(1))
        }
        let cell = |workload, mode, run, size| Cell {
            imp: $name,
            workload,
            mode,
            run,
            size,
        };
        vec![
            cell(
                "S1",
                "dyn",
                s1_dyn as fn(u64) -> u64,
                size1 as fn() -> usize,
            ),
            cell("S1", "for", s1_for, size1),
            cell("S3", "dyn", s3_dyn, size3),
            cell("S3", "for", s3_for, size3),
        ]
    }};
}
pub(crate) use sync_cells;

/// A `#[global_allocator]` that counts allocations; each binary installs one.
pub struct Counting;

pub static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);

// SAFETY: forwards every call to `System` unchanged; the counter has no effect on it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller upholds `GlobalAlloc::dealloc`'s contract.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller upholds `GlobalAlloc::realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// The measuring binary's command line, shared by the stable and nightly suites:
/// - `list`: one line per cell: `key<TAB>n<TAB>units` at the given scale;
/// - `run SCALE [FILTER]`: runs every cell (whose key contains FILTER) once through
///   [`yieldkit_bench_region`] and prints `key<TAB>units<TAB>checksum` (run this under
///   callgrind with `--dump-after=yieldkit_bench_region`: dump k is cell k);
/// - `time SCALE REPS`: median wall time per unit in ns, `key<TAB>ns`;
/// - `allocs SCALE`: heap allocations per unit, `key<TAB>allocs`;
/// - `sizes`: `key<TAB>bytes`.
pub fn main_with(cells: Vec<Cell>) {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str);
    let scale: f64 = arg(1).and_then(|s| s.parse().ok()).unwrap_or(1.0);
    let filter = |c: &Cell| match arg(2) {
        Some(f) if args[0] == "run" => c.key().contains(f),
        _ => true,
    };
    match arg(0) {
        Some("list") => {
            for c in &cells {
                let n = c.n(scale);
                println!("{}\t{}\t{}", c.key(), n, c.units(n));
            }
        }
        Some("run") => {
            for c in cells.iter().filter(|c| filter(c)) {
                let n = c.n(scale);
                let sum = yieldkit_bench_region(c.run, n);
                println!("{}\t{}\t{}", c.key(), c.units(n), sum);
            }
        }
        Some("time") => {
            let reps: usize = arg(2).and_then(|s| s.parse().ok()).unwrap_or(7);
            for c in &cells {
                let n = c.n(scale);
                // One warm-up run, then the median of `reps`.
                yieldkit_bench_region(c.run, n);
                let mut times: Vec<f64> = (0..reps)
                    .map(|_| {
                        let start = Instant::now();
                        yieldkit_bench_region(c.run, n);
                        start.elapsed().as_secs_f64() * 1e9 / c.units(n) as f64
                    })
                    .collect();
                times.sort_by(f64::total_cmp);
                println!("{}\t{:.3}", c.key(), times[times.len() / 2]);
            }
        }
        Some("allocs") => {
            for c in &cells {
                let n = c.n(scale);
                let before = ALLOCATIONS.load(Ordering::Relaxed);
                yieldkit_bench_region(c.run, n);
                let count = ALLOCATIONS.load(Ordering::Relaxed) - before;
                println!("{}\t{}", c.key(), count as f64 / c.units(n) as f64);
            }
        }
        Some("sizes") => {
            for c in &cells {
                println!("{}\t{}", c.key(), (c.size)());
            }
        }
        _ => {
            eprintln!("usage: measure list|run|time|allocs|sizes [SCALE] [FILTER|REPS]");
            std::process::exit(2);
        }
    }
}
