//! genawaiter's `stack::Gen`: the state lives in a `Shelf` on the caller's stack, so
//! these are producer functions and the harness binds them with [`bind_stack`].

use core::pin::Pin;

use genawaiter::stack::{Co, let_gen_using};

use crate::harness::next;

/// Binds `$s` to a pinned stack generator running `$f(co, args)`.
macro_rules! bind_stack {
    ($s:ident, $f:path, $($a:expr),*) => {
        ::genawaiter::stack::let_gen_using!(generator, |co| $f(co, $($a),*));
        let $s = ::core::pin::Pin::new(generator);
    };
}
pub(crate) use bind_stack;

/// The state is split between the caller's `Shelf` and the `Gen`: not one object.
macro_rules! size_unknown {
    ($f:path, $($a:expr),*) => {
        0
    };
}
pub(crate) use size_unknown;

pub async fn w1<const M: u8>(co: Co<'_, u64>, n: u64) {
    for i in 0..n {
        co.yield_(i).await;
    }
}

pub async fn w2<const M: u8>(co: Co<'_, u64>, n: u64) {
    for i in 0..n {
        core::future::ready(()).await;
        co.yield_(i).await;
    }
}

pub async fn w3<const M: u8>(co: Co<'_, u64>, rows: u64) {
    for i in 0..rows {
        for j in 0..1000 {
            if (i ^ j) & 1 == 0 {
                co.yield_(i * j).await;
            }
        }
    }
}

pub async fn w4<const M: u8>(co: Co<'_, u64>, n: u64) {
    let_gen_using!(inner, |co| w1::<M>(co, n));
    let mut inner = Pin::new(inner);
    while let Some(x) = next(inner.as_mut()).await {
        co.yield_(x * 2).await;
    }
}

pub async fn w5<const M: u8>(co: Co<'_, u64>, first: u64) {
    co.yield_(first).await;
    co.yield_(first + 1).await;
    co.yield_(first + 2).await;
}
