//! Nightly `async gen` and `gen` blocks under the stable suite's harness.

#![feature(async_iterator, gen_blocks, async_for_loop)]

#[path = "../../src/floor.rs"]
mod floor;
#[path = "../../src/harness.rs"]
mod harness;

use core::async_iter::AsyncIterator;
use core::pin::Pin;
use core::task::{Context, Poll};

use futures_core::Stream;

use harness::{Cell, async_cells, bind_iter, bind_pinned, size_plain, sync_cells};

/// An `AsyncIterator` seen as a `Stream`; both methods are the same shape.
pub struct AsStream<S>(S);

impl<S: AsyncIterator> Stream for AsStream<S> {
    type Item = S::Item;

    #[inline(always)]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<S::Item>> {
        // SAFETY: structural pinning of the only field; `AsStream` never moves it.
        unsafe { self.map_unchecked_mut(|s| &mut s.0) }.poll_next(cx)
    }
}

mod async_gen_blocks {
    use super::AsStream;
    use core::async_iter::AsyncIterator;

    pub fn w1<const M: u8>(n: u64) -> AsStream<impl AsyncIterator<Item = u64>> {
        AsStream(async gen move {
            for i in 0..n {
                yield i;
            }
        })
    }

    pub fn w2<const M: u8>(n: u64) -> AsStream<impl AsyncIterator<Item = u64>> {
        AsStream(async gen move {
            for i in 0..n {
                core::future::ready(()).await;
                yield i;
            }
        })
    }

    pub fn w3<const M: u8>(rows: u64) -> AsStream<impl AsyncIterator<Item = u64>> {
        AsStream(async gen move {
            for i in 0..rows {
                for j in 0..1000 {
                    if (i ^ j) & 1 == 0 {
                        yield i * j;
                    }
                }
            }
        })
    }

    pub fn w4<const M: u8>(n: u64) -> AsStream<impl AsyncIterator<Item = u64>> {
        AsStream(async gen move {
            for await x in w1::<M>(n).0 {
                yield x * 2;
            }
        })
    }

    pub fn w5<const M: u8>(first: u64) -> AsStream<impl AsyncIterator<Item = u64>> {
        AsStream(async gen move {
            yield first;
            yield first + 1;
            yield first + 2;
        })
    }
}

mod gen_blocks {
    pub fn s1<const M: u8>(n: u64) -> impl Iterator<Item = u64> {
        gen move {
            for i in 0..n {
                yield i;
            }
        }
    }

    pub fn s3<const M: u8>(rows: u64) -> impl Iterator<Item = u64> {
        gen move {
            for i in 0..rows {
                for j in 0..1000 {
                    if (i ^ j) & 1 == 0 {
                        yield i * j;
                    }
                }
            }
        }
    }
}

#[global_allocator]
static ALLOC: harness::Counting = harness::Counting;

fn cells() -> Vec<Cell> {
    let mut cells = Vec::new();
    cells.extend(async_cells!(
        "hand-written",
        crate::floor,
        bind_pinned,
        size_plain
    ));
    cells.extend(async_cells!(
        "nightly async gen",
        crate::async_gen_blocks,
        bind_pinned,
        size_plain
    ));
    cells.extend(sync_cells!("Range / hand-written", crate::floor, bind_iter));
    cells.extend(sync_cells!("nightly gen", crate::gen_blocks, bind_iter));
    cells
}

fn main() {
    harness::main_with(cells());
}
