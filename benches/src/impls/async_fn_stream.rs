//! async-fn-stream's `fn_stream`.

use core::pin::pin;

use futures_core::Stream;

use crate::harness::next;

pub fn w1<const M: u8>(n: u64) -> impl Stream<Item = u64> {
    async_fn_stream::fn_stream(move |y| async move {
        for i in 0..n {
            y.emit(i).await;
        }
    })
}

pub fn w2<const M: u8>(n: u64) -> impl Stream<Item = u64> {
    async_fn_stream::fn_stream(move |y| async move {
        for i in 0..n {
            core::future::ready(()).await;
            y.emit(i).await;
        }
    })
}

pub fn w3<const M: u8>(rows: u64) -> impl Stream<Item = u64> {
    async_fn_stream::fn_stream(move |y| async move {
        for i in 0..rows {
            for j in 0..1000 {
                if (i ^ j) & 1 == 0 {
                    y.emit(i * j).await;
                }
            }
        }
    })
}

pub fn w4<const M: u8>(n: u64) -> impl Stream<Item = u64> {
    async_fn_stream::fn_stream(move |y| async move {
        let mut inner = pin!(w1::<M>(n));
        while let Some(x) = next(inner.as_mut()).await {
            y.emit(x * 2).await;
        }
    })
}

pub fn w5<const M: u8>(first: u64) -> impl Stream<Item = u64> {
    async_fn_stream::fn_stream(move |y| async move {
        y.emit(first).await;
        y.emit(first + 1).await;
        y.emit(first + 2).await;
    })
}
