//! The runtime under hostile and unusual bodies. Small on purpose: Miri runs these
//! (`cargo +nightly miri test -p yieldkit`, Stacked and Tree Borrows).

use std::cell::Cell;
use std::pin::pin;
use std::rc::Rc;
use std::task::Poll;

mod common;

use common::{Counted, PendingOnce, poll_once};
use futures::StreamExt;
use futures_core::FusedStream;
use yieldkit::{async_gen, block_on, stream};

#[async_gen]
async fn numbers(n: u32) -> u32 {
    for i in 0..n {
        yield_!(i);
    }
}

#[test]
fn items_in_order_then_none_forever() {
    let mut s = pin!(numbers(3));
    for i in 0..3 {
        assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(i)));
    }
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
    assert!(s.is_terminated());
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
}

#[test]
fn real_pending_passes_through_unchanged() {
    #[async_gen]
    async fn waits() -> u32 {
        yield_!(1);
        PendingOnce(false).await;
        yield_!(2);
    }
    let mut s = pin!(waits());
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(1)));
    assert_eq!(poll_once(s.as_mut()), Poll::Pending);
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(2)));
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
}

#[test]
fn yields_of_heap_values_are_moved_out_exactly_once() {
    let drops = Rc::new(Cell::new(0));
    let d = drops.clone();
    let s = stream! {
        for i in 0..4 {
            yield Counted(i, d.clone());
        }
    };
    let got: Vec<u32> = block_on(s.map(|c| c.0).collect());
    assert_eq!(got, [0, 1, 2, 3]);
    assert_eq!(drops.get(), 4);
}

#[test]
fn yield_racing_a_ready_branch_in_select() {
    // `select!` polls the yield arm's future (which stores the item) and a ready
    // future; whichever wins, every yielded value is either delivered or dropped, and
    // no value is delivered twice.
    let drops = Rc::new(Cell::new(0));
    let d = drops.clone();
    let s = stream! {
        for i in 0..3 {
            let ready = futures::future::ready(i);
            futures::pin_mut!(ready);
            futures::select_biased! {
                x = ready => { yield Counted(x * 10, d.clone()); }
            }
            PendingOnce(false).await;
        }
    };
    let got: Vec<u32> = block_on(s.map(|c| c.0).collect());
    assert_eq!(got, [0, 10, 20]);
    assert_eq!(drops.get(), 3);
}

#[test]
fn dropping_a_stream_with_a_value_in_the_slot_drops_the_value() {
    // The body yields, then the consumer drops the stream before taking anything
    // else: every value the body made is dropped exactly once.
    let drops = Rc::new(Cell::new(0));
    let d = drops.clone();
    let mut s = Box::pin(stream! {
        let _local = Counted(100, d.clone());
        yield Counted(1, d.clone());
        yield Counted(2, d.clone());
    });
    let first = poll_once(s.as_mut());
    assert!(matches!(first, Poll::Ready(Some(Counted(1, _)))));
    drop(first);
    assert_eq!(drops.get(), 1);
    drop(s);
    assert_eq!(drops.get(), 2, "the suspended body's local is dropped");
}

#[test]
fn question_mark_error_is_the_last_item() {
    let s = stream! {
        type Item = Result<u32, String>;
        yield Ok(1);
        Err("bad".to_string())?;
        yield Ok(2);
    };
    let got: Vec<_> = block_on(s.collect());
    assert_eq!(got, [Ok(1), Err("bad".to_string())]);
}

#[test]
fn nested_generators_each_write_their_own_slot() {
    #[async_gen]
    async fn outer() -> String {
        #[for_await]
        for n in numbers(2) {
            let inner = stream! {
                yield n * 100;
                yield n * 100 + 1;
            };
            #[for_await]
            for m in inner {
                yield_!(format!("{n}:{m}"));
            }
        }
    }
    let got: Vec<String> = block_on(outer().collect());
    assert_eq!(got, ["0:0", "0:1", "1:100", "1:101"]);
}

#[test]
fn borrowed_items_and_borrowed_arguments() {
    #[async_gen]
    async fn words<'a>(text: &'a str) -> &'a str {
        for w in text.split(' ') {
            yield_!(w);
        }
    }
    let text = String::from("a bb ccc");
    let got: Vec<&str> = block_on(words(&text).collect());
    assert_eq!(got, ["a", "bb", "ccc"]);
}

#[test]
fn locals_borrowed_across_yields() {
    let s = stream! {
        let data = [1, 2, 3];
        let view = &data[1..];
        for x in view {
            yield *x;
        }
        let mut acc = String::new();
        let r = &mut acc;
        r.push('x');
        yield 0;
        r.push('y');
        yield acc.len() as i32;
    };
    let got: Vec<i32> = block_on(s.collect());
    assert_eq!(got, [2, 3, 0, 2]);
}

#[test]
fn panic_then_finished() {
    let mut s = Box::pin(stream! {
        yield 1;
        panic!("inside");
    });
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(1)));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| poll_once(s.as_mut())));
    assert!(r.is_err());
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
}

#[test]
fn moved_between_polls_only_while_unstarted() {
    // Moving an unstarted generator is fine (it is only `!Unpin` in type); once
    // pinned and started it stays put. This exercises the first-poll construction
    // after a move.
    let s = numbers(2);
    let moved = s;
    let boxed = Box::pin(moved);
    let got: Vec<u32> = block_on(boxed.collect());
    assert_eq!(got, [0, 1]);
}

#[test]
fn block_on_runs_a_future_woken_from_another_thread() {
    let (tx, rx) = futures::channel::oneshot::channel();
    let t = std::thread::spawn(move || tx.send(7).unwrap());
    assert_eq!(block_on(rx), Ok(7));
    t.join().unwrap();
}
