//! Generators made in a crate that redirects `::yieldkit` work as usual, and none of its
//! look-alikes of yieldkit's private items is used. Miri runs this too.

use std::pin::pin;
use std::sync::atomic::Ordering;

use futures::StreamExt;
use real_yieldkit::{Coroutine, CoroutineState};
use yieldkit_redirected_tests::{LOOK_ALIKES_USED, blocks, countdown, parsed, running_sum};

#[test]
fn expansions_use_none_of_the_look_alikes() {
    let items: Vec<u32> = futures::executor::block_on(countdown(3).collect());
    assert_eq!(items, [3, 2, 1]);
    let parsed: Vec<_> = parsed(vec!["1", "x"]).collect();
    assert_eq!(parsed[0], Ok(1));
    assert!(parsed[1].is_err());
    let mut co = pin!(running_sum());
    assert_eq!(co.as_mut().resume(2), CoroutineState::Yielded(2));
    assert_eq!(co.as_mut().resume(3), CoroutineState::Yielded(5));
    let (items, doubled) = futures::executor::block_on(blocks());
    assert_eq!(items, [1, 2]);
    assert_eq!(doubled, [2, 4, 6]);
    assert_eq!(LOOK_ALIKES_USED.load(Ordering::SeqCst), 0);
}
