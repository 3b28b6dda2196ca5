//! # yieldkit's differential property test
//!
//! Thousands of random generator bodies, each compiled in every form of yieldkit it is
//! valid in, and run against a **reference**: the same body written as a plain
//! function. Every form must produce exactly the reference's log of items and
//! destructor calls, for a full run and for every early stop.
//!
//! ## What is generated
//!
//! From a seed, [`generate`] builds random structured bodies over `i64` data: nested
//! `for` / `while` / `loop` loops (all bounded), labelled `break`s and `continue`s,
//! `break 'l value` out of `loop`, `match` with guards, `let else`, early `return`,
//! drop guards (`log.guard(id)`, whose destructor logs `Drop(id)`) as locals,
//! temporaries, vectors and moved values, borrows of locals held across yields
//! (`let r = &g;`, `for g in guards.iter()`), yields as statements and inside
//! expressions (`then(yield_!(v), x)`, `({ yield_!(v); x })`, inside `vec![..]` and
//! `format!(..)`), `?` on a `Result` built from the data (it fails about one time in
//! four), `#[cfg(all())]` / `#[cfg(any())]` on statements. Async bodies also have
//! `.await` on [`pending_once`](support::pending_once) (a future that is `Pending`
//! once and wakes itself), `for await` over nested `stream!`s and streams, and
//! (area (f)) `futures::select!`. Nested generators (`stream!` / `iter!` inside the
//! body) are iterated with `for` / `for await` or delegated to with `yield_from!`.
//! (Area (h)) `defer! { log.deferred(id, value); }` statements in the blocks of the body
//! and of its nested async generators, the value read from locals declared before
//! them, and in async bodies awaited (`pending_once(value).await`).
//!
//! The item type is [`Res`](support::Res) = `Result<i64, i64>`. Each body is emitted
//! as:
//!
//! | form | consumer |
//! |---|---|
//! | `#[yieldkit::async_gen] async fn` and `yieldkit::stream! { .. }` | `poll_next`, with a waker that must be woken before a `Pending` is polled again |
//! | `#[yieldkit::generator] fn` and `yieldkit::iter! { .. }` (not for async bodies) | `next()` |
//! | `#[yieldkit::coroutine] fn` (not for async bodies) | `resume(())` |
//! | `#[yieldkit::coroutine] async fn` | `poll_resume` |
//! | the **reference**: a plain `fn` | called |
//!
//! In the reference a yield is `match log.yielded(v) { true => return Ok(()), false => () }`
//! (an expression, like a call: its value's temporaries live to the end of the
//! statement), `.await` is [`block_on`](support::block_on), `?` is Rust's own in a
//! function returning `Result<(), i64>` whose error the caller then logs as the last
//! item (after the body's locals and arguments are dropped, as yieldkit does: the
//! generator finishes, then hands out the error), and a loop over a nested generator
//! is the nested body, inlined, with each of its yields running the loop body. The
//! coroutines return `Result<(), i64>` too: `?` is their own, and the consumer logs a
//! `Complete(Err(e))` as the last item. A `defer!` is a local of the reference,
//! `let _d = log.defer_guard(level, id, value);`, whose destructor logs
//! `Deferred(id, value)`: so it runs at the end of its block and on every way out of it,
//! in scope order, as deferred code must.
//!
//! ## How logs are compared
//!
//! A run shares one [`Log`](support::Log) between the body's guards and the
//! consumer, which logs `Item(v)` when it receives `v`. For every form of every body:
//!
//! 1. a full run: consume to the end (and once more: it must stay ended), drop;
//! 2. for every `k` from 0 to the number of items: consume `k` items and drop the
//!    generator mid-body. The reference, given the same limit, returns at the yield
//!    that logs its `k`-th item, so its destructors run from that point, in scope
//!    order, which is what dropping the suspended generator must do; its `defer!`
//!    stand-ins log nothing then (a dropped generator runs no deferred code). For
//!    `k = 0` the reference does not run: it drops its arguments in their order, as an
//!    unstarted `async fn` does (the block forms move what they capture into locals
//!    first, as an `async fn` does with its arguments);
//! 3. for every such `k`, consume `k` items, then **close** the generator (`aclose`,
//!    `Close::close`, `Coroutine::close`, `AsyncCoroutine::aclose`), check that a
//!    stream or iterator is then at its end, and drop it. The reference stops at the
//!    same yield, and its stand-ins log as the generator's deferred code must run: the
//!    body's, around that yield; and, if there is some, the deferred code of the nested
//!    generator the body is suspended in a loop over (closed by the loop), and so on
//!    inwards, as long as each level has deferred code around its own yield (one that
//!    has none is dropped by the close, with what it iterates). See
//!    [`Log::yielded`](support::Log::yielded).
//!
//! The log of each run must equal the reference's, event for event. A panic in a
//! generator, a `Pending` without a wake-up, or an item after the end is a failure
//! too. On failure the test prints the first failures (the case, its seed, the form,
//! where it stopped, both logs, the body) and writes all of them to
//! `$TMPDIR/yieldkit-differential-<crate>--part-<n>.txt`.
//!
//! ## Two editions
//!
//! The build script (`build.rs`) writes the programs into `OUT_DIR`, in
//! [`PARTS`](generate::PARTS) files so that cargo compiles them in parallel, each
//! included by a test target (`tests/part<n>.rs`). This crate is edition 2024;
//! `edition2021/` is the crate `yieldkit-differential-2021`, whose build script includes
//! the same generator (`#[path = "../src/generate.rs"]`) and whose test targets are
//! this crate's `tests/part<n>.rs` (paths in its `Cargo.toml`), compiling the same
//! programs as edition-2021 code. No nested cargo.
//!
//! ## Running it
//!
//! ```text
//! cargo test -p yieldkit-differential -p yieldkit-differential-2021
//! ```
//!
//! runs the default: seed [`DEFAULT_SEED`](generate::DEFAULT_SEED),
//! [`DEFAULT_CASES`](generate::DEFAULT_CASES) bodies per edition. The build scripts
//! read (and rerun when they change):
//!
//! - `YIELDKIT_DIFF_SEED` (decimal or `0x` hex): another seed;
//! - `YIELDKIT_DIFF_CASES`: how many bodies (compile time grows linearly: about 4 ms of
//!   CPU per body and form);
//! - `YIELDKIT_DIFF_FIRST`: the index of the first body; with the seed and
//!   `YIELDKIT_DIFF_CASES=1` it regenerates one failing case alone (a case's seed is
//!   derived from the run's seed and its index);
//! - `YIELDKIT_DIFF_AREAS`: which areas to generate (below): `all` (the default),
//!   `none`, a list such as `a,c`, or `-b` for all but one.
//!
//! ```text
//! YIELDKIT_DIFF_SEED=7 YIELDKIT_DIFF_CASES=10000 cargo test -p yieldkit-differential --release
//! YIELDKIT_DIFF_AREAS=-f cargo test -p yieldkit-differential-2021
//! ```
//!
//! ## Areas
//!
//! Constructs yieldkit once got wrong, each generated unless switched off (see
//! [`Areas`](generate::Areas)), so that a failure can be narrowed to one of them:
//!
//! - (a) `#[cfg(..)]` on statements that are a yield, a `?`, a `return` or a
//!   `yield_from!`;
//! - (b) a body whose tail expression has a temporary with a destructor;
//! - (c) drop guards among the arguments (in the block forms: captured locals);
//! - (d) a yield inside the value of another yield;
//! - (e) labelled `'l: for await` inside `stream!` (otherwise written with
//!   `#[for_await]`);
//! - (f) `futures::select!` whose handlers yield or use `?`;
//! - (g) temporaries with destructors in the value of a yield (found by this test);
//! - (h) `defer!` blocks (not in `select!` handlers, which are another macro's input;
//!   not in nested sync generators, which a plain `for` loop drops rather than closes;
//!   not directly in a block with a tail expression, whose temporaries in edition 2021
//!   outlive the reference's stand-in).

pub mod generate;
pub mod support;
