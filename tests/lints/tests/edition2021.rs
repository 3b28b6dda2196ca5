//! Drop order in a 2021-edition crate: every form drops what its body holds in the order
//! the same body has as a 2021 `fn` or `async fn` (a temporary in the tail expression
//! outlives the body's locals; arguments drop after the locals, the last one first).

use std::cell::RefCell;
use std::pin::pin;

use futures::StreamExt;
use yieldkit::{async_gen, generator, iter, stream, Coroutine, CoroutineState};

thread_local!(static LOG: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) });

struct D(&'static str);

impl Drop for D {
    fn drop(&mut self) {
        LOG.with(|log| log.borrow_mut().push(self.0));
    }
}

impl D {
    fn touch(&self) {}
    fn value(&self) -> u32 {
        7
    }
}

fn take() -> Vec<&'static str> {
    LOG.with(|log| std::mem::take(&mut *log.borrow_mut()))
}

// The references: the same bodies as plain 2021 functions.

fn tail_reference() {
    let _local = D("local");
    D("temporary").touch()
}

fn value_reference() -> u32 {
    let _local = D("local");
    D("temporary").value()
}

async fn arguments_reference(_first: D, _second: D) {
    let _local = D("local");
}

#[test]
fn the_references_are_2021() {
    tail_reference();
    assert_eq!(take(), ["local", "temporary"]);
    assert_eq!(value_reference(), 7);
    assert_eq!(take(), ["local", "temporary"]);
    yieldkit::block_on(arguments_reference(D("first"), D("second")));
    assert_eq!(take(), ["local", "second", "first"]);
}

#[async_gen]
async fn async_gen_tail() -> u32 {
    let _local = D("local");
    yield_!(1);
    D("temporary").touch()
}

#[generator]
fn generator_tail() -> u32 {
    let _local = D("local");
    yield_!(1);
    D("temporary").touch()
}

#[yieldkit::coroutine]
fn coroutine_tail() -> impl Coroutine<(), Yield = u32, Return = u32> {
    let _local = D("local");
    yield_!(1);
    D("temporary").value()
}

#[test]
fn a_tail_temporary_outlives_the_locals_in_every_form() {
    let expected = ["local", "temporary"];

    assert_eq!(
        yieldkit::block_on(async_gen_tail().collect::<Vec<_>>()),
        [1]
    );
    assert_eq!(take(), expected, "#[async_gen]");

    assert_eq!(generator_tail().collect::<Vec<_>>(), [1]);
    assert_eq!(take(), expected, "#[generator]");

    let block = stream! {
        let _local = D("local");
        yield 1;
        D("temporary").touch()
    };
    assert_eq!(yieldkit::block_on(block.collect::<Vec<u32>>()), [1]);
    assert_eq!(take(), expected, "stream!");

    let block = iter! {
        let _local = D("local");
        yield 1;
        D("temporary").touch()
    };
    assert_eq!(block.collect::<Vec<u32>>(), [1]);
    assert_eq!(take(), expected, "iter!");

    let mut co = pin!(coroutine_tail());
    assert_eq!(co.as_mut().resume(()), CoroutineState::Yielded(1));
    assert_eq!(co.as_mut().resume(()), CoroutineState::Complete(7));
    assert_eq!(take(), expected, "#[coroutine]");
}

#[async_gen]
async fn async_gen_arguments(_first: D, _second: D) -> u32 {
    let _local = D("local");
    yield_!(1);
}

#[generator]
fn generator_arguments(_first: D, _second: D) -> u32 {
    let _local = D("local");
    yield_!(1);
}

#[test]
fn arguments_drop_like_an_async_fn_s() {
    assert_eq!(
        yieldkit::block_on(async_gen_arguments(D("first"), D("second")).collect::<Vec<_>>()),
        [1]
    );
    assert_eq!(
        take(),
        ["local", "second", "first"],
        "#[async_gen], run out"
    );

    assert_eq!(
        generator_arguments(D("first"), D("second")).collect::<Vec<_>>(),
        [1]
    );
    assert_eq!(
        take(),
        ["local", "second", "first"],
        "#[generator], run out"
    );

    // Stopped at the yield: the local, then the arguments, the last one first.
    let mut started = generator_arguments(D("first"), D("second"));
    assert_eq!(started.next(), Some(1));
    drop(started);
    assert_eq!(
        take(),
        ["local", "second", "first"],
        "#[generator], dropped"
    );

    // Never started: only the arguments, in the order an unpolled async fn drops them
    // (it holds them as captures, dropped first to last).
    drop(arguments_reference(D("first"), D("second")));
    let reference = take();
    assert_eq!(reference, ["first", "second"]);
    drop(generator_arguments(D("first"), D("second")));
    assert_eq!(take(), reference, "#[generator], never started");
    drop(async_gen_arguments(D("first"), D("second")));
    assert_eq!(take(), reference, "#[async_gen], never started");
}

/// A block's tail temporaries are dropped before the block's deferred code runs, in this
/// edition too (a `defer!` is not a local: edition 2024's order, which a drop guard
/// in its place would not have here).
#[generator]
fn deferred_after_the_tail() -> u32 {
    yield_!(1);
    {
        let _local = D("local");
        yieldkit::defer! {
            LOG.with(|log| log.borrow_mut().push("deferred"));
        }
        D("temporary").touch()
    }
}

#[test]
fn tail_temporaries_drop_before_deferred_code() {
    assert_eq!(deferred_after_the_tail().collect::<Vec<_>>(), [1]);
    assert_eq!(take(), ["temporary", "deferred", "local"]);
}
