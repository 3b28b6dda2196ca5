//! yieldkit's generator functions and blocks written by other macros, as in pin-project's
//! `tests/auxiliary`: the proc macros of `yieldkit-auxiliary-macro` (from the caller's tokens
//! with their spans, and with names of their own) and `macro_rules!` macros (parameters,
//! `?`, yields and `for await` passed in as `$name:ident`, `$e:expr`, `$($t:tt)*`,
//! `$body:block`; nested macros; methods). The tests are in `tests/`; this library holds
//! what they share, and `macro_rules!` macros exported to them, so those are also used
//! from another crate.

use core::pin::pin;
use core::task::Poll;

use futures_core::Stream;

/// Every item of `stream`, polled to its end on the current thread.
pub fn drain<S: Stream>(stream: S) -> Vec<S::Item> {
    let mut stream = pin!(stream);
    let mut items = Vec::new();
    yieldkit::block_on(core::future::poll_fn(|cx| {
        loop {
            match stream.as_mut().poll_next(cx) {
                Poll::Ready(Some(item)) => items.push(item),
                Poll::Ready(None) => return Poll::Ready(()),
                Poll::Pending => return Poll::Pending,
            }
        }
    }));
    items
}

/// `counting_generator!(pub fn NAME(PARAM) step STEP)`: a generator yielding `0`,
/// `STEP`, `2 * STEP`, .. below `PARAM`; the name and the parameter are the caller's.
#[macro_export]
macro_rules! counting_generator {
    ($vis:vis fn $name:ident($param:ident) step $step:expr) => {
        #[::yieldkit::generator]
        $vis fn $name($param: u32) -> u32 {
            let mut i = 0;
            while i < $param {
                ::yieldkit::yield_!(i);
                i += $step;
            }
        }
    };
}

/// `parsing_stream!(pub fn NAME(LINES))`: an async generator that parses each of
/// `LINES` (a `Vec<&'static str>`) through `#[for_await]` over a `stream!`, with `?`: the
/// first error is the last item.
#[macro_export]
macro_rules! parsing_stream {
    ($vis:vis fn $name:ident($lines:ident)) => {
        #[::yieldkit::async_gen]
        $vis async fn $name(
            $lines: ::std::vec::Vec<&'static str>,
        ) -> ::core::result::Result<u32, ::core::num::ParseIntError> {
            let lines = ::yieldkit::stream! {
                for line in $lines {
                    yield line;
                }
            };
            #[for_await]
            for line in lines {
                let n: u32 = line.trim().parse()?;
                yield_!(::core::result::Result::Ok(n));
            }
        }
    };
}

/// `whole_fn!(FORM(OPTIONS)?; ITEM)`: `ITEM` (any tokens) under
/// `#[::yieldkit::FORM(OPTIONS)]`: the signature and the body are all the caller's tokens,
/// the attribute this macro's.
#[macro_export]
macro_rules! whole_fn {
    ($form:ident $(($($option:tt)*))?; $($item:tt)*) => {
        #[::yieldkit::$form $(($($option)*))?]
        $($item)*
    };
}
