//! An attribute form imports the runtime's private module at the top of the function
//! as `__yieldkit_private`, and the rewritten `?`, `#[for_await]` and `yield_from!`
//! name it. A body can shadow that import with a module of its own: then its own safe
//! code runs where those call the runtime, and nothing else changes. The handle's
//! `unsafe` prologue is written with `$crate` paths, which no import reaches, and a
//! look-alike `pin!` that does not pin is a type error. Miri runs this too.

use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering};

use futures::StreamExt;
use real_yieldkit::{Coroutine, CoroutineState};

static OWN_CODE_RAN: AtomicUsize = AtomicUsize::new(0);

/// Pins on the heap: a look-alike has to pin for real to compile.
macro_rules! own_pin {
    ($value:expr) => {{
        $crate::OWN_CODE_RAN.fetch_add(1, Ordering::SeqCst);
        ::std::boxed::Box::pin($value)
    }};
}
use own_pin;

/// What the rewritten code names, the body's own where it can be.
mod own {
    use super::{OWN_CODE_RAN, Ordering};

    pub(crate) use ::real_yieldkit::__private::{
        Coroutine, CoroutineState, DelegateWithoutFirst, ForAwait, Probe, ProbeCloses, ProbeDrops,
        dead, next,
    };

    pub(crate) mod core {
        pub(crate) use ::core::{ops, option};
        pub(crate) mod convert {
            pub(crate) fn identity<T>(value: T) -> T {
                crate::OWN_CODE_RAN.fetch_add(1, crate::Ordering::SeqCst);
                value
            }
        }
        pub(crate) mod pin {
            pub(crate) use crate::own_pin as pin;
        }
    }

    pub(crate) trait Try: Sized {
        type Output;
        type Residual;
        fn branch(self) -> ::core::ops::ControlFlow<Self::Residual, Self::Output>;
    }

    impl<T, E> Try for Result<T, E> {
        type Output = T;
        type Residual = E;
        fn branch(self) -> ::core::ops::ControlFlow<E, T> {
            OWN_CODE_RAN.fetch_add(1, Ordering::SeqCst);
            match self {
                Ok(value) => ::core::ops::ControlFlow::Continue(value),
                Err(error) => ::core::ops::ControlFlow::Break(error),
            }
        }
    }

    pub(crate) trait FromResidual<R> {
        fn from_residual(residual: R) -> Self;
    }

    impl FromResidual<&'static str> for u32 {
        fn from_residual(_: &'static str) -> u32 {
            4242
        }
    }
}

#[real_yieldkit::async_gen]
async fn stream() -> u32 {
    use own as __yieldkit_private;
    #[for_await]
    for x in futures::stream::iter([1_u32, 2]) {
        // A loop that may stop early: lowered with the close of what it owns.
        if x == 3 {
            break;
        }
        yield_!(x * 10);
    }
    yield_!({
        let tens = [10, 20, 30];
        tens[2]
    });
    let failed: Result<u32, &'static str> = Err("e");
    yield_!(failed?);
}

#[real_yieldkit::coroutine]
fn inner() -> impl Coroutine<(), Yield = u32, Return = u32> {
    yield_!(5);
    6
}

#[real_yieldkit::coroutine]
fn outer() -> impl Coroutine<(), Yield = u32, Return = u32> {
    use own as __yieldkit_private;
    let returned = yield_from!(inner());
    yield_!(returned + 1);
    0
}

#[test]
fn a_shadowed_import_only_runs_the_body_s_own_safe_code() {
    let items: Vec<u32> = futures::executor::block_on(stream().collect());
    assert_eq!(items, [10, 20, 30, 4242]);
    // The loop's pin, the block value's `identity` and the `?`'s branch.
    assert_eq!(OWN_CODE_RAN.swap(0, Ordering::SeqCst), 3);

    let mut co = pin!(outer());
    assert_eq!(co.as_mut().resume(()), CoroutineState::Yielded(5));
    assert_eq!(co.as_mut().resume(()), CoroutineState::Yielded(7));
    assert_eq!(co.as_mut().resume(()), CoroutineState::Complete(0));
    // The delegation's pin.
    assert_eq!(OWN_CODE_RAN.load(Ordering::SeqCst), 1);
}
