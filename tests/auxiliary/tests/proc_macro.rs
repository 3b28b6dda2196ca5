//! Generator functions and blocks that a proc macro writes (`yieldkit-auxiliary-macro`):
//! from the caller's tokens, rebuilt piece by piece with their spans (`generator_fn!`,
//! `#[yieldkit_via]`), with a parameter of the macro's (`#[with_limit]`), and with every
//! name the macro's own, `Span::mixed_site()` or `Span::call_site()` (`generated!`).
//! Each is run and its items compared.

use std::num::ParseIntError;
use std::pin::pin;

use yieldkit::CoroutineState::{Complete, Yielded};
use yieldkit::{AsyncCoroutine, Coroutine};
use yieldkit_auxiliary_macro::{
    generated, generator_block, generator_fn, iter_of, stream_of, with_limit, yieldkit_via,
};
use yieldkit_auxiliary_tests::drain;

fn parse_error() -> ParseIntError {
    "x".parse::<u32>().unwrap_err()
}

/// `generator_fn!`: parameters, statements, yields, `?` and `#[for_await]` loops all
/// from the caller, with their spans.
mod rebuilt_from_the_callers_tokens {
    use super::*;

    generator_fn! { async_gen;
        async fn parse_lines(lines: Vec<&'static str>, mut offset: u32) -> Result<u32, ParseIntError> {
            #[for_await]
            'lines: for line in futures::stream::iter(lines) {
                if line.is_empty() {
                    break 'lines;
                }
                offset += 1;
                yield_!(Ok(line.trim().parse::<u32>()? + offset));
            }
            yield_from!(futures::stream::iter([Ok(offset)]));
        }
    }

    generator_fn! { generator;
        fn pairs((a, b): (u32, u32), limit: u32) -> (u32, u32) {
            let (mut a, mut b) = (a, b);
            while a < limit {
                yield_!((a, b));
                (a, b) = (b, a + b);
            }
        }
    }

    generator_fn! { generator(boxed);
        fn countdown(n: u32) -> u32 {
            if n > 0 {
                yield_!(n);
                yield_from!(countdown(n - 1));
            }
        }
    }

    generator_fn! { coroutine(first = first);
        fn averager(scale: f64) -> impl Coroutine<Option<f64>, Yield = f64, Return = u32> {
            let (mut total, mut count) = (0.0, 0);
            let mut next = first;
            while let Some(x) = next {
                total += x * scale;
                count += 1;
                next = yield_!(total / f64::from(count));
            }
            count
        }
    }

    generator_fn! { coroutine;
        async fn pinger(times: u32) -> impl AsyncCoroutine<(), Yield = u32, Return = &'static str> {
            for i in 0..times {
                core::future::ready(()).await;
                yield_!(i);
            }
            "done"
        }
    }

    generator_fn! { for_await;
        async fn total(values: Vec<u32>) -> u32 {
            let mut total = 0;
            #[for_await]
            for (i, v) in futures::stream::iter(values.into_iter().enumerate()) {
                if i == 0 {
                    continue;
                }
                total += v;
            }
            total
        }
    }

    struct Lines(Vec<&'static str>);

    impl Lines {
        generator_fn! { generator;
            fn lengths<'a>(&'a self, prefix: &'a str) -> usize {
                for line in &self.0 {
                    yield_!(prefix.len() + line.len());
                }
            }
        }

        generator_fn! { async_gen(boxed_local);
            async fn parsed(&self) -> Result<u8, ParseIntError> {
                for line in &self.0 {
                    yield_!(Ok(line.parse()?));
                }
            }
        }
    }

    #[test]
    fn async_gen() {
        assert_eq!(
            drain(parse_lines(vec!["1", " 2", "", "3"], 10)),
            [Ok(12), Ok(14), Ok(12)]
        );
        assert_eq!(
            drain(parse_lines(vec!["1", "x"], 0)),
            [Ok(2), Err(parse_error())]
        );
    }

    #[test]
    fn generator() {
        assert_eq!(
            pairs((1, 1), 4).collect::<Vec<_>>(),
            [(1, 1), (1, 2), (2, 3), (3, 5)]
        );
        assert_eq!(countdown(3).collect::<Vec<_>>(), [3, 2, 1]);
    }

    #[test]
    fn coroutine() {
        let mut co = pin!(averager(2.0));
        assert_eq!(co.as_mut().resume(Some(1.0)), Yielded(2.0));
        assert_eq!(co.as_mut().resume(Some(3.0)), Yielded(4.0));
        assert_eq!(co.as_mut().resume(None), Complete(2));
        let mut co = pin!(pinger(2));
        yieldkit::block_on(async {
            assert_eq!(co.as_mut().resume(()).await, Yielded(0));
            assert_eq!(co.as_mut().resume(()).await, Yielded(1));
            assert_eq!(co.as_mut().resume(()).await, Complete("done"));
        });
    }

    #[test]
    fn for_await() {
        assert_eq!(yieldkit::block_on(total(vec![100, 1, 2])), 3);
    }

    #[test]
    fn methods() {
        let lines = Lines(vec!["7", "88", "z"]);
        assert_eq!(lines.lengths("> ").collect::<Vec<_>>(), [3, 4, 3]);
        assert_eq!(drain(lines.parsed()), [Ok(7), Ok(88), Err(parse_error())]);
    }
}

/// `#[yieldkit_via(..)]`: an attribute that expands to yieldkit's.
mod through_another_attribute {
    use super::*;

    #[yieldkit_via(async_gen)]
    async fn squares(n: u32) -> u32 {
        for i in 1..=n {
            yield_!(i * i);
        }
    }

    #[yieldkit_via(generator, unboxed)]
    fn evens(limit: u32) -> u32 {
        for i in (0..limit).step_by(2) {
            yield_!(i);
        }
    }

    #[yieldkit_via(coroutine, first = first)]
    fn doubler() -> impl Coroutine<u32, Yield = u32, Return = ()> {
        let mut x = first;
        while x != 0 {
            x = yield_!(x * 2);
        }
    }

    struct Scale(u32);

    impl Scale {
        #[yieldkit_via(generator)]
        fn apply<'a>(&'a self, values: &'a [u32]) -> u32 {
            for v in values {
                yield_!(v * self.0);
            }
        }
    }

    #[test]
    fn every_form() {
        assert_eq!(drain(squares(3)), [1, 4, 9]);
        assert_eq!(pin!(evens(5)).collect::<Vec<_>>(), [0, 2, 4]);
        let mut co = pin!(doubler());
        assert_eq!(co.as_mut().resume(4), Yielded(8));
        assert_eq!(co.as_mut().resume(0), Complete(()));
        assert_eq!(Scale(3).apply(&[1, 2]).collect::<Vec<_>>(), [3, 6]);
    }
}

/// `#[with_limit(..)]`: the macro adds a parameter `limit` (a `Span::call_site()`
/// name) that the caller's body uses.
mod parameter_added_by_the_macro {
    use super::*;

    #[with_limit(generator)]
    fn first_words(text: &str) -> &str {
        for word in text.split(' ').take(limit) {
            yield_!(word);
        }
    }

    #[with_limit(async_gen)]
    async fn first_numbers(text: &'static str) -> Result<u32, ParseIntError> {
        #[for_await]
        for word in futures::stream::iter(text.split(' ').take(limit)) {
            yield_!(Ok(word.parse()?));
        }
    }

    #[test]
    fn generated_parameter_in_the_callers_body() {
        assert_eq!(first_words("a b c", 2).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(
            drain(first_numbers("1 x 3", 3)),
            [Ok(1), Err(parse_error())]
        );
    }
}

/// `generated!`: every parameter, local, label, `self`, `yield_!`, `?`,
/// `#[for_await]`, `yield_from!`, `yield` and `for await` written by the macro.
macro_rules! generated_at {
    ($site:ident) => {
        use super::*;

        generated!($site generator parse_below);
        generated!($site async_gen parse_below_stream);
        generated!($site coroutine scaled_totals);
        generated!($site async_coroutine scaled_totals_async);
        generated!($site for_await sum);
        generated!($site stream doubled_stream);
        generated!($site iter doubled_iter);

        struct Values {
            values: Vec<u32>,
        }

        generated!($site methods Values);

        #[test]
        fn generator() {
            assert_eq!(
                parse_below(10, vec!["1", "2", "30", "4"]).collect::<Vec<_>>(),
                [Ok(1), Ok(2), Ok(10)]
            );
            assert_eq!(
                parse_below(10, vec!["1", "x"]).collect::<Vec<_>>(),
                [Ok(1), Err(parse_error())]
            );
        }

        #[test]
        fn async_gen() {
            assert_eq!(
                drain(parse_below_stream(10, vec!["1", "2", "30", "4"])),
                [Ok(1), Ok(2), Ok(10)]
            );
            assert_eq!(
                drain(parse_below_stream(10, vec!["x"])),
                [Err(parse_error())]
            );
        }

        #[test]
        fn coroutine() {
            let mut co = pin!(scaled_totals(3));
            assert_eq!(co.as_mut().resume(1), Yielded(3));
            assert_eq!(co.as_mut().resume(2), Yielded(9));
            assert_eq!(co.as_mut().resume(0), Complete(3));
            let mut co = pin!(scaled_totals_async(3));
            yieldkit::block_on(async {
                assert_eq!(co.as_mut().resume(1).await, Yielded(3));
                assert_eq!(co.as_mut().resume(2).await, Yielded(9));
                assert_eq!(co.as_mut().resume(0).await, Complete(3));
            });
        }

        #[test]
        fn for_await() {
            assert_eq!(yieldkit::block_on(sum(vec![1, 2, 3])), 6);
        }

        #[test]
        fn blocks() {
            assert_eq!(drain(doubled_stream(vec![1, 2])), [2, 4]);
            assert_eq!(doubled_iter(vec![1, 2]).collect::<Vec<_>>(), [2, 4]);
        }

        #[test]
        fn methods() {
            let values = Values {
                values: vec![1, 2, 3, 4],
            };
            assert_eq!(values.evens().collect::<Vec<_>>(), [2, 4]);
            assert_eq!(drain(values.odds()), [1, 3]);
        }
    };
}

mod generated_mixed_site {
    generated_at!(mixed);
}

mod generated_call_site {
    generated_at!(call);
}

/// `stream_of!` / `iter_of!` / `generator_block!`: block forms a proc macro writes.
mod blocks {
    use super::*;

    #[test]
    fn yields_written_by_the_macro() {
        let base = 5;
        assert_eq!(drain(stream_of!(1, base, base * 2)), [1, 5, 10]);
        assert_eq!(iter_of!("a", "b").collect::<Vec<_>>(), ["a", "b"]);
    }

    #[test]
    fn callers_statements_in_the_macros_block() {
        let inner = stream_of!("1", "2", "x");
        let parsed = generator_block!(stream {
            type Item = Result<u32, ParseIntError>;
            for await text in inner {
                yield Ok(text.parse::<u32>()? + 1);
            }
        });
        assert_eq!(drain(parsed), [Ok(2), Ok(3), Err(parse_error())]);
        let pairs = generator_block!(iter {
            for c in ['a', 'b'] {
                yield_from!((1..=2).map(|n| (c, n)));
            }
        });
        assert_eq!(
            pairs.collect::<Vec<_>>(),
            [('a', 1), ('a', 2), ('b', 1), ('b', 2)]
        );
    }
}

/// A proc macro called by a `macro_rules!` macro, which passes it the parameter's name.
mod proc_macro_in_macro_rules {
    use super::*;

    macro_rules! offsets {
        ($name:ident($param:ident) => $($e:expr),*) => {
            generator_fn! { generator;
                fn $name($param: u32) -> u32 {
                    $( yield_!($e + $param); )*
                }
            }
        };
    }

    offsets!(plus(base) => 1, 2);

    #[test]
    fn parameter_named_by_the_outer_macro() {
        assert_eq!(plus(10).collect::<Vec<_>>(), [11, 12]);
    }
}
