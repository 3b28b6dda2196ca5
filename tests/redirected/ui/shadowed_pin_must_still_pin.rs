// A body that shadows the runtime's import with a `pin!` that does not pin: the
// `#[for_await]` loop's stream would move after it was polled. It does not compile.

macro_rules! not_a_pin {
    ($value:expr) => {
        ::core::pin::Pin::new(&mut $value)
    };
}
use not_a_pin;

mod own {
    pub(crate) use ::real_yieldkit::__private::{ForAwait, next};
    pub(crate) mod core {
        pub(crate) use ::core::option;
        pub(crate) mod pin {
            pub(crate) use crate::not_a_pin as pin;
        }
    }
}

#[real_yieldkit::async_gen]
async fn doubled() -> u32 {
    use own as __yieldkit_private;
    #[for_await]
    for x in real_yieldkit::stream! {
        yield 1_u32;
    } {
        yield_!(x * 2);
    }
}

fn main() {}
