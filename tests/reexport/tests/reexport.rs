//! Every macro of yieldkit, reached only through another crate's re-export.

use std::pin::pin;

use futures::StreamExt;
use yieldkit_facade::{AsyncCoroutine, Coroutine, CoroutineState};
use yieldkit_reexport_tests::{async_echo, comprehensions, doubled, running_sum, squares};

#[test]
fn every_macro_through_the_reexport() {
    let items: Vec<_> = yieldkit_facade::block_on(doubled(vec!["1", "2"]).collect());
    assert_eq!(items, [Ok(2), Ok(4), Ok(0)]);
    assert_eq!(squares(3).collect::<Vec<_>>(), [1, 4, 9]);
    let mut sums = pin!(running_sum());
    assert_eq!(sums.as_mut().resume(2), CoroutineState::Yielded(2));
    assert_eq!(sums.as_mut().resume(3), CoroutineState::Yielded(5));
    let mut echo = pin!(async_echo());
    assert_eq!(
        yieldkit_facade::block_on(echo.as_mut().resume(4)),
        CoroutineState::Yielded(4)
    );
    assert_eq!(
        yieldkit_facade::block_on(comprehensions()),
        (3, vec![2, 4, 6], vec![1, 2, 3], vec![2, 4])
    );
}
