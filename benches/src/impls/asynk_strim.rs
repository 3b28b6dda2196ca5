//! asynk-strim's `stream_fn` (a waker-wrapping design).

use core::pin::pin;

use futures_core::Stream;

use crate::harness::next;

pub fn w1<const M: u8>(n: u64) -> impl Stream<Item = u64> {
    asynk_strim::stream_fn(move |mut y| async move {
        for i in 0..n {
            y.yield_item(i).await;
        }
    })
}

pub fn w2<const M: u8>(n: u64) -> impl Stream<Item = u64> {
    asynk_strim::stream_fn(move |mut y| async move {
        for i in 0..n {
            core::future::ready(()).await;
            y.yield_item(i).await;
        }
    })
}

pub fn w3<const M: u8>(rows: u64) -> impl Stream<Item = u64> {
    asynk_strim::stream_fn(move |mut y| async move {
        for i in 0..rows {
            for j in 0..1000 {
                if (i ^ j) & 1 == 0 {
                    y.yield_item(i * j).await;
                }
            }
        }
    })
}

pub fn w4<const M: u8>(n: u64) -> impl Stream<Item = u64> {
    asynk_strim::stream_fn(move |mut y| async move {
        let mut inner = pin!(w1::<M>(n));
        while let Some(x) = next(inner.as_mut()).await {
            y.yield_item(x * 2).await;
        }
    })
}

pub fn w5<const M: u8>(first: u64) -> impl Stream<Item = u64> {
    asynk_strim::stream_fn(move |mut y| async move {
        y.yield_item(first).await;
        y.yield_item(first + 1).await;
        y.yield_item(first + 2).await;
    })
}
