//! One module per implementation, each providing `w1(n)`, `w2(n)`, `w3(rows)`,
//! `w4(n)` and `w5(first)` (and `s1` / `s3` for sync generators), written the way the
//! crate's documentation recommends.

pub mod async_fn_stream;
pub mod async_stream;
pub mod asynk_strim;
pub mod futures_iter;
pub mod futures_unfold;
pub mod genawaiter_rc;
pub mod genawaiter_stack;
pub mod genawaiter_sync;
pub mod yieldkit_attr;
pub mod yieldkit_block;
pub mod yieldkit_sync;
