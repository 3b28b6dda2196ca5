//! genawaiter's `rc::Gen` (allocates its shared state).

use core::pin::pin;

use futures_core::Stream;
use genawaiter::rc::Gen;

use crate::harness::next;

pub fn w1<const M: u8>(n: u64) -> impl Stream<Item = u64> {
    Gen::new(move |co| async move {
        for i in 0..n {
            co.yield_(i).await;
        }
    })
}

pub fn w2<const M: u8>(n: u64) -> impl Stream<Item = u64> {
    Gen::new(move |co| async move {
        for i in 0..n {
            core::future::ready(()).await;
            co.yield_(i).await;
        }
    })
}

pub fn w3<const M: u8>(rows: u64) -> impl Stream<Item = u64> {
    Gen::new(move |co| async move {
        for i in 0..rows {
            for j in 0..1000 {
                if (i ^ j) & 1 == 0 {
                    co.yield_(i * j).await;
                }
            }
        }
    })
}

pub fn w4<const M: u8>(n: u64) -> impl Stream<Item = u64> {
    Gen::new(move |co| async move {
        let mut inner = pin!(w1::<M>(n));
        while let Some(x) = next(inner.as_mut()).await {
            co.yield_(x * 2).await;
        }
    })
}

pub fn w5<const M: u8>(first: u64) -> impl Stream<Item = u64> {
    Gen::new(move |co| async move {
        co.yield_(first).await;
        co.yield_(first + 1).await;
        co.yield_(first + 2).await;
    })
}
