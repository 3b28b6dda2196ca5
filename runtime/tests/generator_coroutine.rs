//! Sync generators and coroutines under Miri (`cargo +nightly miri test -p yieldkit`,
//! Stacked and Tree Borrows): heap values through both slots, borrows across yields,
//! drops mid-way, panics, real `Pending` in async coroutines, cancelled resumes.

use std::cell::Cell;
use std::future::Future;
use std::pin::{Pin, pin};
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use yieldkit::{AsyncCoroutine, Coroutine, CoroutineIter, CoroutineState, generator, iter};

use CoroutineState::{Complete, Yielded};

mod common;

use common::{Counted, PendingOnce};

fn poll<F: Future + ?Sized>(f: Pin<&mut F>) -> Poll<F::Output> {
    f.poll(&mut Context::from_waker(Waker::noop()))
}

#[generator]
fn boxed_values(n: u32, drops: Rc<Cell<u32>>) -> Box<Counted> {
    for i in 0..n {
        yield_!(Box::new(Counted(i, drops.clone())));
    }
}

#[test]
fn generator_heap_items_moved_out_once() {
    let drops = Rc::new(Cell::new(0));
    let v: Vec<u32> = boxed_values(3, drops.clone()).map(|b| b.0).collect();
    assert_eq!(v, [0, 1, 2]);
    assert_eq!(drops.get(), 3);
}

#[test]
fn generator_dropped_mid_way() {
    let drops = Rc::new(Cell::new(0));
    let mut g = boxed_values(3, drops.clone());
    let first = g.next().unwrap();
    drop(g);
    assert_eq!(drops.get(), 0);
    drop(first);
    assert_eq!(drops.get(), 1);
}

#[generator(unboxed)]
fn self_borrowing() -> String {
    let text = String::from("one two three");
    for w in text.split(' ') {
        let held = &text;
        yield_!(w.to_owned());
        assert!(held.len() > w.len());
    }
}

#[test]
fn unboxed_generator_borrows_its_locals() {
    let mut g = pin!(self_borrowing());
    assert_eq!(g.next().as_deref(), Some("one"));
    let rest: Vec<String> = g.collect();
    assert_eq!(rest, ["two", "three"]);
}

#[test]
fn iter_block_and_panic() {
    let it = iter! {
        yield 1u8;
        panic!("boom");
    };
    let mut it = it;
    assert_eq!(it.next(), Some(1));
    assert!(std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| it.next())).is_err());
    assert_eq!(it.next(), None);
}

#[yieldkit::coroutine(first = first)]
fn exchange(
    drops: Rc<Cell<u32>>,
) -> impl Coroutine<Box<Counted>, Yield = Box<Counted>, Return = u32> {
    let mut held = first;
    let mut total = 0;
    loop {
        let sent = yield_!(Box::new(Counted(held.0 * 10, drops.clone())));
        total += held.0;
        if sent.0 == 0 {
            return total;
        }
        held = sent;
    }
}

#[test]
fn coroutine_heap_values_both_ways() {
    let drops = Rc::new(Cell::new(0));
    let d = || drops.clone();
    let mut co = pin!(exchange(d()));
    let Yielded(a) = co.as_mut().resume(Box::new(Counted(1, d()))) else {
        panic!()
    };
    assert_eq!(a.0, 10);
    let Yielded(b) = co.as_mut().resume(Box::new(Counted(2, d()))) else {
        panic!()
    };
    assert_eq!(b.0, 20);
    assert_eq!(co.as_mut().resume(Box::new(Counted(0, d()))), Complete(3));
    drop((a, b));
    assert_eq!(drops.get(), 2 + 3);
}

#[test]
fn coroutine_dropped_while_suspended() {
    let drops = Rc::new(Cell::new(0));
    {
        let mut co = pin!(exchange(drops.clone()));
        let y = co.as_mut().resume(Box::new(Counted(1, drops.clone())));
        drop(y);
    }
    // The yielded box, and the `first` box held by the body.
    assert_eq!(drops.get(), 2);
}

#[yieldkit::coroutine]
fn inner() -> impl Coroutine<(), Yield = String, Return = usize> {
    let local = String::from("abc");
    let r = &local;
    yield_!(r.clone());
    yield_!(r.to_uppercase());
    r.len()
}

#[yieldkit::coroutine]
fn outer() -> impl Coroutine<(), Yield = String, Return = usize> {
    let a = yield_from!(inner());
    let b = yield_from!(inner());
    a + b
}

#[test]
fn delegation_and_iter_adapter() {
    let mut co = pin!(outer());
    let mut seen = Vec::new();
    let ret = loop {
        match co.as_mut().resume(()) {
            Yielded(s) => seen.push(s),
            Complete(r) => break r,
        }
    };
    assert_eq!(seen, ["abc", "ABC", "abc", "ABC"]);
    assert_eq!(ret, 6);
}

#[yieldkit::coroutine]
fn units() -> impl Coroutine<(), Yield = u8, Return = ()> {
    yield_!(1);
    yield_!(2);
}

#[test]
fn iter_adapter() {
    let v: Vec<u8> = CoroutineIter::new(pin!(units())).collect();
    assert_eq!(v, [1, 2]);
}

#[yieldkit::coroutine(first = first)]
async fn waiting(
    log: Rc<Cell<u32>>,
) -> impl AsyncCoroutine<Option<Box<u32>>, Yield = Box<u32>, Return = u32> {
    let mut sum = *first.unwrap();
    // Heap values live across the close: the deferred code reads one.
    let kept = Box::new(0_u32);
    defer! {
        PendingOnce(false).await;
        log.set(sum + *kept);
    }
    loop {
        PendingOnce(false).await;
        match yield_!(Box::new(sum)) {
            Some(v) => sum += *v,
            None => break,
        }
    }
    sum
}

#[test]
fn async_coroutine_real_pending_and_aclose() {
    let log = Rc::new(Cell::new(0));
    let mut co = pin!(waiting(log.clone()));
    let mut resume = co.as_mut().resume(Some(Box::new(1)));
    assert_eq!(poll(pin!(&mut resume)), Poll::Pending);
    let Poll::Ready(Yielded(v)) = poll(pin!(&mut resume)) else {
        panic!()
    };
    assert_eq!(*v, 1);
    drop(resume);
    let mut resume = co.as_mut().resume(Some(Box::new(2)));
    assert_eq!(poll(pin!(&mut resume)), Poll::Pending);
    let Poll::Ready(Yielded(v)) = poll(pin!(&mut resume)) else {
        panic!()
    };
    assert_eq!(*v, 3);
    drop(resume);
    // The body leaves from its yield; the deferred code waits once, then runs.
    let mut close = co.as_mut().aclose();
    assert_eq!(poll(pin!(&mut close)), Poll::Pending);
    assert_eq!(poll(pin!(&mut close)), Poll::Ready(None));
    assert_eq!(log.get(), 3);
}

#[test]
fn cancelled_resume_then_new_value_panics_without_ub() {
    let log = Rc::new(Cell::new(0));
    let mut co = pin!(waiting(log.clone()));
    {
        let mut resume = co.as_mut().resume(Some(Box::new(1)));
        assert_eq!(poll(pin!(&mut resume)), Poll::Pending);
    }
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut resume = co.as_mut().resume(Some(Box::new(2)));
        let _ = poll(pin!(&mut resume));
    }));
    assert!(result.is_err());
}

#[test]
fn sync_coroutine_resumed_after_completion_panics() {
    let mut co = pin!(units());
    assert_eq!(co.as_mut().resume(()), Yielded(1));
    assert_eq!(co.as_mut().resume(()), Yielded(2));
    assert_eq!(co.as_mut().resume(()), Complete(()));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| co.as_mut().resume(())));
    assert!(r.is_err());
}

#[yieldkit::coroutine(first = first)]
fn panics_on_zero(drops: Rc<Cell<u32>>) -> impl Coroutine<u32, Yield = Box<u32>, Return = ()> {
    let _guard = Counted(0, drops.clone());
    let mut x = first;
    loop {
        assert!(x != 0, "zero");
        x = yield_!(Box::new(x));
    }
}

#[test]
fn coroutine_body_panic_drops_its_state_once() {
    let drops = Rc::new(Cell::new(0));
    let mut co = pin!(panics_on_zero(drops.clone()));
    assert_eq!(co.as_mut().resume(1), Yielded(Box::new(1)));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| co.as_mut().resume(0)));
    assert!(r.is_err());
    assert_eq!(drops.get(), 1);
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| co.as_mut().resume(2)));
    assert!(r.is_err());
    assert_eq!(drops.get(), 1);
}

#[test]
fn aclose_unstarted_drops_the_arguments() {
    let drops = Rc::new(Cell::new(0));
    let held = Counted(0, drops.clone());
    let co = AsyncGuarded::new(held);
    let mut co = pin!(co.run());
    assert_eq!(poll(pin!(co.as_mut().aclose())), Poll::Ready(None));
    assert_eq!(drops.get(), 1);
    assert_eq!(poll(pin!(co.as_mut().aclose())), Poll::Ready(None));
}

struct AsyncGuarded(Counted);

impl AsyncGuarded {
    fn new(c: Counted) -> Self {
        Self(c)
    }

    #[yieldkit::coroutine(first = first)]
    async fn run(self) -> impl AsyncCoroutine<Option<u8>, Yield = u8, Return = u8> {
        let _ = first;
        let _ = yield_!(1);
        self.0.0 as u8
    }
}

#[test]
fn sync_bodies_that_await_panic_and_finish() {
    // Built by hand: the macros reject `.await` in these bodies.
    let drops = Rc::new(Cell::new(0));
    let d = drops.clone();
    let mut co = pin!(yieldkit::Co::<u8, (), _, _>::new(
        move |_y, ()| async move {
            let _guard = Counted(0, d);
            PendingOnce(false).await;
        }
    ));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| co.as_mut().resume(())));
    assert!(r.is_err());
    assert_eq!(drops.get(), 1);

    let d = drops.clone();
    let g = yieldkit::Generator::<u8, _>::new(move |_y| async move {
        let _guard = Counted(0, d);
        PendingOnce(false).await;
    });
    let mut g = pin!(g);
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| g.next()));
    assert!(r.is_err());
    // Finished: the body was dropped at the panic, and is never resumed.
    assert_eq!(drops.get(), 2);
    assert_eq!(g.next(), None);
}
