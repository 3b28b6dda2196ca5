//! Every state the generator keeps in its slot's state byte (unstarted, running,
//! finished, panicked) drops exactly what it holds, once. Miri runs these too, and
//! reports a leak or a double drop.

use std::cell::Cell;
use std::pin::pin;
use std::rc::Rc;
use std::task::Poll;

mod common;

use common::{Counted, poll_once};
use futures_core::FusedStream;
use yieldkit::stream;

#[test]
fn unstarted_drop_drops_the_captures() {
    let drops = Rc::new(Cell::new(0));
    let held = Counted(0, drops.clone());
    let s = stream! {
        let _held = &held;
        yield String::from("never");
    };
    drop(s);
    assert_eq!(drops.get(), 1);
}

#[test]
fn running_drop_drops_the_locals() {
    let drops = Rc::new(Cell::new(0));
    let held = Counted(0, drops.clone());
    {
        let mut s = pin!(stream! {
            let held = held;
            yield String::from("one");
            yield String::from("two");
            drop(held);
        });
        assert_eq!(
            poll_once(s.as_mut()),
            Poll::Ready(Some(String::from("one")))
        );
        assert_eq!(drops.get(), 0);
    }
    assert_eq!(drops.get(), 1);
}

#[test]
fn finished_body_state_is_dropped_when_it_ends() {
    let drops = Rc::new(Cell::new(0));
    let held = Counted(0, drops.clone());
    let mut s = pin!(stream! {
        let _held = held;
        yield 1u8;
    });
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(1)));
    assert_eq!(drops.get(), 0);
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
    assert_eq!(drops.get(), 1);
    assert!(s.is_terminated());
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
    assert_eq!(drops.get(), 1);
}

#[test]
fn panic_in_the_body_drops_its_state_once() {
    let drops = Rc::new(Cell::new(0));
    let held = Counted(0, drops.clone());
    let mut s = Box::pin(stream! {
        let _held = held;
        yield String::from("one");
        if true {
            panic!("inside");
        }
        yield String::from("unreachable");
    });
    assert_eq!(
        poll_once(s.as_mut()),
        Poll::Ready(Some(String::from("one")))
    );
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| poll_once(s.as_mut())));
    assert!(r.is_err());
    assert_eq!(drops.get(), 1);
    assert!(s.is_terminated());
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
    drop(s);
    assert_eq!(drops.get(), 1);
}

#[test]
fn debug_names_each_state() {
    let mut s = pin!(stream! {
        yield 1u8;
    });
    assert!(format!("{s:?}").contains("unstarted"));
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(Some(1)));
    assert!(format!("{s:?}").contains("running"));
    assert_eq!(poll_once(s.as_mut()), Poll::Ready(None));
    assert!(format!("{s:?}").contains("done"));
}
