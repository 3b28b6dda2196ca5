//! Side-by-side benchmarks of yieldkit and its peers: the workloads (one module per
//! implementation) and the harness that drives them. `benches/run` measures them and
//! writes `docs/BENCHMARKS.md`.

pub mod cleanup;
pub mod collect;
pub mod floor;
pub mod harness;
pub mod impls;
pub mod resume;

use harness::{
    Cell, async_cells, bind_iter, bind_iter_pinned, bind_pinned, size_plain, sync_cells,
};
use impls::genawaiter_stack::{bind_stack, size_unknown};

/// Every cell of the stable suite, floor first.
pub fn cells() -> Vec<Cell> {
    let mut cells = Vec::new();
    cells.extend(async_cells!(
        "hand-written",
        crate::floor,
        bind_pinned,
        size_plain
    ));
    cells.extend(async_cells!(
        "yieldkit #[async_gen]",
        crate::impls::yieldkit_attr,
        bind_pinned,
        size_plain
    ));
    cells.extend(async_cells!(
        "yieldkit stream!",
        crate::impls::yieldkit_block,
        bind_pinned,
        size_plain
    ));
    cells.extend(async_cells!(
        "async-stream",
        crate::impls::async_stream,
        bind_pinned,
        size_plain
    ));
    cells.extend(async_cells!(
        "asynk-strim",
        crate::impls::asynk_strim,
        bind_pinned,
        size_plain
    ));
    cells.extend(async_cells!(
        "async-fn-stream",
        crate::impls::async_fn_stream,
        bind_pinned,
        size_plain
    ));
    cells.extend(async_cells!(
        "futures iter",
        crate::impls::futures_iter,
        bind_pinned,
        size_plain
    ));
    cells.extend(async_cells!(
        "futures unfold",
        crate::impls::futures_unfold,
        bind_pinned,
        size_plain
    ));
    cells.extend(async_cells!(
        "genawaiter rc",
        crate::impls::genawaiter_rc,
        bind_pinned,
        size_plain
    ));
    cells.extend(async_cells!(
        "genawaiter stack",
        crate::impls::genawaiter_stack,
        bind_stack,
        size_unknown
    ));
    cells.extend(sync_cells!("Range / hand-written", crate::floor, bind_iter));
    cells.extend(sync_cells!(
        "yieldkit #[generator]",
        crate::impls::yieldkit_sync::boxed,
        bind_iter
    ));
    cells.extend(sync_cells!(
        "yieldkit #[generator(unboxed)]",
        crate::impls::yieldkit_sync::unboxed,
        bind_iter_pinned
    ));
    cells.extend(sync_cells!(
        "yieldkit iter!",
        crate::impls::yieldkit_sync::block,
        bind_iter
    ));
    cells.extend(sync_cells!(
        "genawaiter rc",
        crate::impls::genawaiter_sync,
        bind_iter
    ));
    cells.extend(cleanup::cells());
    cells.extend(collect::cells());
    cells.extend(resume::cells());
    cells
}
