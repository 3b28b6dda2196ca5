//! Every macro of yieldkit, depended on as `yk` in a crate whose `core` is yieldkit.

use std::pin::pin;

use futures::StreamExt;
use yieldkit_renamed_tests::{async_echo, boxed, comprehensions, evens, parsed, running_sum};
use yk::{AsyncCoroutine, Coroutine, CoroutineState};

#[test]
fn attribute_forms_find_the_renamed_crate() {
    let items: Vec<_> = yk::block_on(parsed(vec!["1", "2"]).collect());
    assert_eq!(items, [Ok(1), Ok(2), Ok(100)]);
    let failed: Vec<_> = yk::block_on(parsed(vec!["1", "x", "3"]).collect());
    assert_eq!(failed.len(), 2);
    assert!(failed[1].is_err());
    assert_eq!(evens(7).collect::<Vec<_>>(), [0, 2, 4, 6]);
    assert_eq!(boxed(3).collect::<Vec<_>>(), [0, 1, 2]);
    let mut sums = pin!(running_sum());
    assert_eq!(sums.as_mut().resume(1), CoroutineState::Yielded(1));
    assert_eq!(sums.as_mut().resume(2), CoroutineState::Yielded(3));
    let mut echo = pin!(async_echo());
    assert_eq!(
        yk::block_on(echo.as_mut().resume(5)),
        CoroutineState::Yielded(5)
    );
    assert_eq!(
        yk::block_on(echo.as_mut().resume(0)),
        CoroutineState::Complete(())
    );
}

#[test]
fn block_forms_and_collect_pass_their_own_path() {
    let (total, eager, lazy, tried, buffered) = yk::block_on(comprehensions());
    assert_eq!(total, 3);
    assert_eq!(eager, [2, 4, 6]);
    assert_eq!(lazy, [1, 2, 3]);
    assert_eq!(tried, Ok(vec![1, 2]));
    assert_eq!(buffered, [2, 4, 6]);
}
