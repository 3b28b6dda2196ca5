//! Generator functions and blocks that `macro_rules!` macros write: parameters, `?`,
//! yields and `for await` passed in as `$name:ident`, `$e:expr`, `$($t:tt)*`,
//! `$body:block`; nested macros; a generator method in an `impl` block; macros from
//! another crate (`yieldkit_auxiliary_tests`). Each is run and its items compared.

use std::num::ParseIntError;
use std::pin::pin;

use yieldkit::CoroutineState::{Complete, Yielded};
use yieldkit::{AsyncCoroutine, Coroutine};
use yieldkit_auxiliary_tests::drain;

fn parse_error() -> ParseIntError {
    "x".parse::<u32>().unwrap_err()
}

/// Parameters named by the caller (`$name:ident`), one macro per form.
mod ident_parameters {
    use super::*;

    macro_rules! stepping {
        (generator $name:ident($limit:ident, $step:ident)) => {
            #[yieldkit::generator]
            fn $name($limit: u32, $step: u32) -> u32 {
                let mut i = 0;
                while i < $limit {
                    yield_!(i);
                    i += $step;
                }
            }
        };
        (async_gen $name:ident($limit:ident, $step:ident)) => {
            #[yieldkit::async_gen]
            async fn $name($limit: u32, $step: u32) -> u32 {
                let mut i = 0;
                while i < $limit {
                    yield_!(i);
                    i += $step;
                }
            }
        };
        (coroutine $name:ident($scale:ident) first $first:ident) => {
            #[yieldkit::coroutine(first = $first)]
            fn $name($scale: u32) -> impl Coroutine<u32, Yield = u32, Return = u32> {
                let mut total = $first;
                loop {
                    let sent = yield_!(total * $scale);
                    if sent == 0 {
                        return total;
                    }
                    total += sent;
                }
            }
        };
        (async_coroutine $name:ident($scale:ident) first $first:ident) => {
            #[yieldkit::coroutine(first = $first)]
            async fn $name($scale: u32) -> impl AsyncCoroutine<u32, Yield = u32, Return = u32> {
                let mut total = $first;
                loop {
                    let sent = yield_!(total * $scale);
                    if sent == 0 {
                        return total;
                    }
                    total += core::future::ready(sent).await;
                }
            }
        };
        (for_await $name:ident($values:ident)) => {
            #[yieldkit::for_await]
            async fn $name($values: Vec<u32>) -> u32 {
                let mut total = 0;
                #[for_await]
                for v in futures::stream::iter($values) {
                    total += v;
                }
                total
            }
        };
    }

    stepping!(generator by_step(limit, step));
    stepping!(async_gen by_step_stream(limit, step));
    stepping!(coroutine scaled(scale) first start);
    stepping!(async_coroutine scaled_async(scale) first start);
    stepping!(for_await summed(values));

    #[test]
    fn generator() {
        assert_eq!(by_step(7, 2).collect::<Vec<_>>(), [0, 2, 4, 6]);
    }

    #[test]
    fn async_gen() {
        assert_eq!(drain(by_step_stream(7, 3)), [0, 3, 6]);
    }

    #[test]
    fn coroutine() {
        let mut co = pin!(scaled(10));
        assert_eq!(co.as_mut().resume(1), Yielded(10));
        assert_eq!(co.as_mut().resume(2), Yielded(30));
        assert_eq!(co.as_mut().resume(0), Complete(3));
    }

    #[test]
    fn async_coroutine() {
        let mut co = pin!(scaled_async(10));
        yieldkit::block_on(async {
            assert_eq!(co.as_mut().resume(1).await, Yielded(10));
            assert_eq!(co.as_mut().resume(2).await, Yielded(30));
            assert_eq!(co.as_mut().resume(0).await, Complete(3));
        });
    }

    #[test]
    fn for_await() {
        assert_eq!(yieldkit::block_on(summed(vec![1, 2, 3])), 6);
    }

    // From another crate.
    yieldkit_auxiliary_tests::counting_generator!(fn by_two(limit) step 2);
    yieldkit_auxiliary_tests::parsing_stream!(fn parsed(lines));

    #[test]
    fn exported_from_another_crate() {
        assert_eq!(by_two(5).collect::<Vec<_>>(), [0, 2, 4]);
        assert_eq!(
            drain(parsed(vec!["1", " 2", "x", "4"])),
            [Ok(1), Ok(2), Err(parse_error())]
        );
    }
}

/// Values, and `?`, passed in as `$e:expr` (an invisible group around each).
mod expr_fragments {
    use super::*;

    macro_rules! yielding {
        ($name:ident -> $item:ty: $($e:expr),* $(,)?) => {
            #[yieldkit::generator]
            fn $name() -> $item {
                $( yield_!($e); )*
            }
        };
    }

    macro_rules! parsing {
        ($name:ident: $($e:expr),*) => {
            #[yieldkit::async_gen]
            async fn $name() -> Result<u32, ParseIntError> {
                $( yield_!(Ok($e?)); )*
            }
        };
    }

    macro_rules! with_question_mark_inside {
        ($name:ident: $($e:expr),*) => {
            #[yieldkit::generator]
            fn $name() -> Result<u32, ParseIntError> {
                $( yield_!(Ok($e)); )*
            }
        };
    }

    macro_rules! statements {
        ($name:ident -> $item:ty: $($s:stmt);*) => {
            #[yieldkit::generator]
            fn $name() -> $item {
                $( $s; )*
            }
        };
    }

    macro_rules! async_statements {
        ($name:ident($p:ident: $t:ty) -> $item:ty { $($s:stmt;)* }) => {
            #[yieldkit::async_gen]
            async fn $name($p: $t) -> $item {
                $( $s; )*
            }
        };
    }

    async_statements!(lengths(words: Vec<&'static str>) -> usize {
        let count = words.len();
        yield_!(count);
        for word in &words { yield_!(word.len()) };
        yield_from!(futures::stream::iter(words.iter().map(|w| w.len() * 10)));
    });

    yielding!(three -> u32: 1, 1 + 1, { 3 });
    yielding!(blocks -> u32: 1, { let one = 1; one + 1 }, if true { 3 } else { 0 });
    statements!(stmts -> u32: yield_!(1); let two = 2; yield_!(two); yield_from!([3, 4]));
    parsing!(parse_all: "1".parse::<u32>(), "x".parse::<u32>(), "3".parse::<u32>());
    with_question_mark_inside!(inside: "5".parse::<u32>()?, "y".parse::<u32>()?, 7);

    #[test]
    fn values() {
        assert_eq!(three().collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(blocks().collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(stmts().collect::<Vec<_>>(), [1, 2, 3, 4]);
    }

    #[test]
    fn statements() {
        assert_eq!(drain(lengths(vec!["a", "bcd"])), [2, 1, 3, 10, 30]);
    }

    #[test]
    fn question_mark_on_a_fragment() {
        assert_eq!(drain(parse_all()), [Ok(1), Err(parse_error())]);
    }

    #[test]
    fn question_mark_in_a_fragment() {
        assert_eq!(inside().collect::<Vec<_>>(), [Ok(5), Err(parse_error())]);
    }
}

/// Whole functions passed in as `$($t:tt)*`: signature and body are the caller's
/// tokens, the attribute the macro's.
mod token_trees {
    use super::*;
    use futures::StreamExt;
    use yieldkit_auxiliary_tests::whole_fn;

    macro_rules! as_generator {
        ($($t:tt)*) => {
            #[yieldkit::generator]
            $($t)*
        };
    }

    as_generator! {
        fn words(text: &str) -> &str {
            for word in text.split(' ') {
                yield_!(word);
            }
        }
    }

    whole_fn! { async_gen;
        async fn parse_lines(lines: Vec<&'static str>, (skip, mut seen): (usize, u32)) -> Result<u32, ParseIntError> {
            #[for_await]
            for line in futures::stream::iter(lines).skip(skip) {
                seen += 1;
                yield_!(Ok(line.parse::<u32>()? + seen * 100));
            }
        }
    }

    whole_fn! { coroutine(first = first);
        fn echo(prefix: String) -> impl Coroutine<String, Yield = String, Return = usize> {
            let mut count = 0;
            let mut sent = first;
            while !sent.is_empty() {
                count += 1;
                sent = yield_!(format!("{prefix}{sent}"));
            }
            count
        }
    }

    whole_fn! { for_await;
        async fn longest(words: Vec<&'static str>) -> usize {
            let mut longest = 0;
            #[for_await]
            for word in futures::stream::iter(words) {
                longest = longest.max(word.len());
            }
            longest
        }
    }

    #[test]
    fn generator() {
        assert_eq!(words("a bc d").collect::<Vec<_>>(), ["a", "bc", "d"]);
    }

    #[test]
    fn async_gen() {
        assert_eq!(
            drain(parse_lines(vec!["0", "1", "x", "3"], (1, 0))),
            [Ok(101), Err(parse_error())]
        );
    }

    #[test]
    fn coroutine() {
        let mut co = pin!(echo("> ".into()));
        assert_eq!(co.as_mut().resume("a".into()), Yielded("> a".to_string()));
        assert_eq!(co.as_mut().resume("b".into()), Yielded("> b".to_string()));
        assert_eq!(co.as_mut().resume(String::new()), Complete(2));
    }

    #[test]
    fn for_await() {
        assert_eq!(yieldkit::block_on(longest(vec!["ab", "abcd", "a"])), 4);
    }
}

/// A method, `&self` and all, passed in as tokens: the receiver is the caller's, the
/// attribute the macro's.
///
/// Methods passed in as tokens: the attribute keeps the receiver alive with the
/// caller's own `self` token (one spanned at the attribute's call site, inside the
/// `macro_rules!` definition, was error E0424, "expected value, found module `self`").
mod token_tree_methods {
    macro_rules! generator_methods {
        ($($method:tt)*) => {
            #[yieldkit::generator]
            $($method)*
        };
    }

    struct Numbers(Vec<u32>);

    impl Numbers {
        generator_methods! {
            fn doubled(&self, extra: u32) -> u32 {
                for n in &self.0 {
                    yield_!(n * 2 + extra);
                }
            }
        }
    }

    #[test]
    fn receiver_from_the_caller() {
        let numbers = Numbers(vec![1, 2]);
        assert_eq!(numbers.doubled(1).collect::<Vec<_>>(), [3, 5]);
    }
}

/// Bodies passed in as `$body:block`, parameters as `$arg:ident: $ty:ty`.
mod block_fragments {
    use super::*;
    use futures::StreamExt;

    macro_rules! with_body {
        ($form:ident fn $name:ident($($arg:ident: $ty:ty),*) -> $item:ty $body:block) => {
            #[yieldkit::$form]
            fn $name($($arg: $ty),*) -> $item $body
        };
        ($form:ident async fn $name:ident($($arg:ident: $ty:ty),*) -> $item:ty $body:block) => {
            #[yieldkit::$form]
            async fn $name($($arg: $ty),*) -> $item $body
        };
    }

    with_body!(generator fn countdown(from: u32) -> u32 {
        for i in (1..=from).rev() {
            yield_!(i);
        }
    });

    with_body!(async_gen async fn firsts(words: Vec<&'static str>, limit: usize) -> Result<char, String> {
        #[for_await]
        for word in futures::stream::iter(words).take(limit) {
            let first = word.chars().next().ok_or_else(|| format!("empty word after {limit}"))?;
            yield_!(Ok(first));
        }
    });

    // A coroutine's return type passed as `$item:ty` reaches the attribute in an
    // invisible group (`Type::Group`), which `#[yieldkit::coroutine]` looks through.
    with_body!(coroutine fn adder(step: u32) -> impl Coroutine<(), Yield = u32, Return = &'static str> {
        yield_!(step);
        yield_!(step * 2);
        "done"
    });

    with_body!(for_await async fn count(values: Vec<u8>) -> usize {
        let mut n = 0;
        #[for_await]
        for _ in futures::stream::iter(values) {
            n += 1;
        }
        n
    });

    #[test]
    fn generator() {
        assert_eq!(countdown(3).collect::<Vec<_>>(), [3, 2, 1]);
    }

    #[test]
    fn async_gen() {
        assert_eq!(
            drain(firsts(vec!["ab", "cd", "", "ef"], 4)),
            [Ok('a'), Ok('c'), Err("empty word after 4".to_string())]
        );
    }

    #[test]
    fn coroutine() {
        let mut co = pin!(adder(5));
        assert_eq!(co.as_mut().resume(()), Yielded(5));
        assert_eq!(co.as_mut().resume(()), Yielded(10));
        assert_eq!(co.as_mut().resume(()), Complete("done"));
    }

    #[test]
    fn for_await() {
        assert_eq!(yieldkit::block_on(count(vec![1, 2, 3])), 3);
    }
}

/// Options, generics, lifetimes, visibility and attributes passed in.
mod other_fragments {
    use super::*;

    macro_rules! generic {
        ($(#[$meta:meta])* $vis:vis fn $name:ident<$lt:lifetime, $t:ident: $bound:path>
            ($items:ident) boxing $($option:ident)?) => {
            $(#[$meta])*
            #[yieldkit::generator($($option)?)]
            $vis fn $name<$lt, $t: $bound>($items: &$lt [$t]) -> &$lt $t {
                for item in $items {
                    yield_!(item);
                }
            }
        };
    }

    generic!(
        /// Documented.
        #[inline]
        pub(crate) fn refs<'a, T: Clone>(items) boxing
    );
    generic!(fn refs_boxed<'a, T: Sync>(items) boxing boxed);
    generic!(fn refs_unboxed<'a, T: Clone>(items) boxing unboxed);

    #[test]
    fn generics_lifetimes_and_options() {
        let values = [1, 2];
        assert_eq!(refs(&values).collect::<Vec<_>>(), [&1, &2]);
        assert_eq!(refs_boxed(&values).collect::<Vec<_>>(), [&1, &2]);
        let unboxed = pin!(refs_unboxed(&values));
        assert_eq!(unboxed.collect::<Vec<_>>(), [&1, &2]);
    }
}

/// Macros that call macros, and a macro that defines the macro that writes the
/// generator.
mod nested {
    use super::*;

    macro_rules! inner {
        ($name:ident, $param:ident, $($e:expr),*) => {
            #[yieldkit::generator]
            fn $name($param: u32) -> u32 {
                $( yield_!($e + $param); )*
            }
        };
    }

    macro_rules! outer {
        ($name:ident($param:ident)) => {
            inner!($name, $param, 1, 2);
        };
    }

    macro_rules! outermost {
        ($name:ident) => {
            outer!($name(offset));
        };
    }

    outer!(plus(base));
    outermost!(plus_offset);

    /// `$d` is `$`, so the inner macro can have fragments of its own.
    #[rustfmt::skip] // rustfmt indents the inner macro further at every run.
    macro_rules! define_maker {
        ($d:tt $maker:ident, $form:ident) => {
            macro_rules! $maker {
                ($d name:ident($d param:ident) => $d ($d e:expr),*) => {
                    #[yieldkit::$form]
                    async fn $d name($d param: u32) -> u32 {
                        $d ( yield_!($d e * $d param); )*
                    }
                };
            }
        };
    }

    define_maker!($ make_stream, async_gen);
    make_stream!(times(factor) => 1, 2, 3);

    #[test]
    fn macro_calling_macros() {
        assert_eq!(plus(10).collect::<Vec<_>>(), [11, 12]);
        assert_eq!(plus_offset(100).collect::<Vec<_>>(), [101, 102]);
    }

    #[test]
    fn macro_defining_a_macro() {
        assert_eq!(drain(times(10)), [10, 20, 30]);
    }
}

/// A macro that writes an `impl` block with generator methods on `&self`.
mod methods {
    use super::*;

    macro_rules! bag {
        ($ty:ident { $field:ident: Vec<$item:ty> } $skip:ident) => {
            struct $ty {
                $field: Vec<$item>,
            }

            impl $ty {
                #[yieldkit::generator]
                fn items(&self, $skip: usize) -> &$item {
                    for item in self.$field.iter().skip($skip) {
                        yield_!(item);
                    }
                }

                #[yieldkit::async_gen]
                async fn parsed(&self, $skip: usize) -> Result<u32, ParseIntError> {
                    #[for_await]
                    for item in futures::stream::iter(self.$field.iter().skip($skip)) {
                        yield_!(Ok(item.parse::<u32>()?));
                    }
                }

                #[yieldkit::coroutine]
                fn total(
                    &self,
                    $skip: usize,
                ) -> impl Coroutine<(), Yield = usize, Return = usize> + '_ {
                    let mut total = 0;
                    for item in self.$field.iter().skip($skip) {
                        total += item.len();
                        yield_!(total);
                    }
                    total
                }
            }
        };
    }

    bag!(Words { words: Vec<String> } skip);

    #[test]
    fn generator_methods_on_self() {
        let words = Words {
            words: vec!["1".into(), "22".into(), "x".into(), "4".into()],
        };
        assert_eq!(words.items(2).collect::<Vec<_>>(), ["x", "4"]);
        assert_eq!(drain(words.parsed(1)), [Ok(22), Err(parse_error())]);
        let mut co = pin!(words.total(2));
        assert_eq!(co.as_mut().resume(()), Yielded(1));
        assert_eq!(co.as_mut().resume(()), Yielded(2));
        assert_eq!(co.as_mut().resume(()), Complete(2));
    }
}

/// Parameters passed in as patterns (`$p:pat`, `$q:pat_param`), and types with an
/// `impl Trait` under `boxed`.
mod pattern_fragments {
    macro_rules! patterns {
        ($name:ident($p:pat, $q:pat_param) => $e:expr) => {
            #[yieldkit::generator]
            fn $name($p: (u32, u32), $q: u32) -> u32 {
                yield_!($e);
            }
        };
    }

    patterns!(destructured((a, b), c) => a + b + c);
    patterns!(bound(ab, mut c) => { c += 1; ab.0 + ab.1 + c });

    macro_rules! shown {
        ($option:ident $name:ident($p:ident: $t:ty)) => {
            #[yieldkit::async_gen($option)]
            async fn $name($p: $t) -> String {
                yield_!(format!("<{}>", $p));
            }
        };
    }

    shown!(boxed show(value: impl std::fmt::Display + Send));

    // Under `boxed` / `boxed_local`, the lifetime bound every `impl Trait` argument
    // gets goes in parentheses behind a reference: `&(impl Display + 'a)`.
    shown!(boxed_local show_ref(value: &impl std::fmt::Display));

    macro_rules! each {
        ($name:ident: for $p:pat in $items:ty => $e:expr) => {
            #[yieldkit::async_gen]
            async fn $name(items: $items) -> u32 {
                #[for_await]
                for $p in futures::stream::iter(items) {
                    yield_!($e);
                }
            }
        };
    }

    each!(sums: for (a, b) in Vec<(u32, u32)> => a + b);

    // A top-level or-pattern in a `for await` (its `let` needs it in parentheses).
    each!(either: for Ok(x) | Err(x) in Vec<Result<u32, u32>> => x);

    #[test]
    fn patterns_as_parameters() {
        assert_eq!(destructured((1, 2), 3).collect::<Vec<_>>(), [6]);
        assert_eq!(bound((1, 2), 3).collect::<Vec<_>>(), [7]);
    }

    #[test]
    fn impl_trait_parameter_boxed() {
        assert_eq!(yieldkit_auxiliary_tests::drain(show(5)), ["<5>"]);
    }

    #[test]
    fn impl_trait_behind_a_reference_boxed() {
        assert_eq!(yieldkit_auxiliary_tests::drain(show_ref(&5)), ["<5>"]);
    }

    #[test]
    fn pattern_of_a_for_await_loop() {
        assert_eq!(
            yieldkit_auxiliary_tests::drain(sums(vec![(1, 2), (3, 4)])),
            [3, 7]
        );
    }

    #[test]
    fn or_pattern_of_a_for_await_loop() {
        assert_eq!(
            yieldkit_auxiliary_tests::drain(either(vec![Ok(1), Err(2)])),
            [1, 2]
        );
    }
}

/// A macro that implements a trait with a generator method, and one with a method
/// taking `self` by value.
mod trait_impls {
    trait Source {
        fn items(&self) -> impl Iterator<Item = u32> + '_;
    }

    struct Values {
        values: Vec<u32>,
    }

    macro_rules! impl_source {
        ($ty:ident, $field:ident) => {
            impl Source for $ty {
                #[yieldkit::generator]
                fn items(&self) -> u32 {
                    for x in &self.$field {
                        yield_!(*x);
                    }
                }
            }
        };
    }

    macro_rules! by_value {
        ($ty:ident, $field:ident, $last:expr) => {
            impl $ty {
                #[yieldkit::generator]
                fn into_items(mut self) -> u32 {
                    self.$field.push($last);
                    for x in self.$field {
                        yield_!(x);
                    }
                }
            }
        };
    }

    impl_source!(Values, values);
    by_value!(Values, values, 9);

    #[test]
    fn trait_method() {
        let values = Values { values: vec![1, 2] };
        assert_eq!(values.items().collect::<Vec<_>>(), [1, 2]);
        assert_eq!(values.into_items().collect::<Vec<_>>(), [1, 2, 9]);
    }
}

/// `stream!`, `iter!` and `collect!` written by macros.
mod blocks {
    use super::*;

    macro_rules! stream_of {
        ($($e:expr),*) => {
            yieldkit::stream! {
                $( yield $e; )*
            }
        };
    }

    macro_rules! iter_range {
        ($var:ident in $lo:expr, $hi:expr => $e:expr) => {
            yieldkit::iter! {
                for $var in $lo..$hi {
                    yield $e;
                }
            }
        };
    }

    macro_rules! running_total {
        ($s:expr) => {
            yieldkit::stream! {
                let mut total = 0;
                for await x in $s {
                    total += x;
                    yield total;
                }
            }
        };
    }

    macro_rules! stream_tt {
        ($($t:tt)*) => {
            yieldkit::stream! { $($t)* }
        };
    }

    macro_rules! iter_tt {
        ($($t:tt)*) => {
            yieldkit::iter! { $($t)* }
        };
    }

    macro_rules! squares {
        ($x:ident in $xs:expr $(; $option:ident)?) => {
            yieldkit::collect![$x * $x for $x in $xs $(; $option)?]
        };
    }

    #[test]
    fn stream_from_expressions() {
        let base = 10;
        assert_eq!(drain(stream_of!(1, base + 1, { base * 2 })), [1, 11, 20]);
    }

    #[test]
    fn iter_from_ident_and_exprs() {
        let values: Vec<u32> = iter_range!(i in 1, 4 => i * 10).collect();
        assert_eq!(values, [10, 20, 30]);
    }

    #[test]
    fn for_await_written_by_the_macro() {
        assert_eq!(drain(running_total!(stream_of!(1, 2, 3))), [1, 3, 6]);
    }

    #[test]
    fn for_await_yield_and_question_mark_passed_in() {
        let inner = stream_of!("1", "2", "x", "4");
        let parsed = stream_tt! {
            type Item = Result<u32, ParseIntError>;
            for await text in inner {
                yield Ok(text.parse::<u32>()? * 2);
            }
        };
        assert_eq!(drain(parsed), [Ok(2), Ok(4), Err(parse_error())]);
        let doubled = iter_tt! {
            for i in 0..3 {
                yield i * 2;
                yield_from!([i; 1]);
            }
        };
        assert_eq!(doubled.collect::<Vec<u32>>(), [0, 0, 2, 1, 4, 2]);
    }

    #[test]
    fn comprehensions() {
        let eager: Vec<u32> = squares!(x in 1..4);
        assert_eq!(eager, [1, 4, 9]);
        let lazy = squares!(x in 1u32..; iter);
        assert_eq!(lazy.take(2).collect::<Vec<_>>(), [1, 4]);
    }
}

/// Generated names of `macro_rules!` (hygienic locals, labels) next to the caller's.
mod hygiene {
    macro_rules! labelled {
        ($name:ident($items:ident) stop at $stop:expr) => {
            #[yieldkit::generator]
            fn $name($items: Vec<u32>) -> u32 {
                let total = 0;
                'scan: for item in $items {
                    if item == $stop {
                        break 'scan;
                    }
                    let total = total + item;
                    yield_!(total);
                }
            }
        };
    }

    labelled!(until_zero(items) stop at 0);

    #[test]
    fn macro_locals_and_labels() {
        assert_eq!(until_zero(vec![1, 2, 0, 3]).collect::<Vec<_>>(), [1, 2]);
    }
}

/// Parameters the macros once got wrong: a raw identifier, `ref mut`, and a `?` next to
/// items named `value` / `residual`.
mod awkward_parameters {
    use super::*;

    macro_rules! with_param {
        ($name:ident($($param:tt)*) -> $item:ty $body:block) => {
            #[yieldkit::generator]
            fn $name($($param)*) -> $item $body
        };
    }

    with_param!(raw(r#type: u32) -> u32 {
        yield_!(r#type);
    });

    with_param!(by_ref_mut(ref mut count: u32) -> u32 {
        *count += 1;
        yield_!(*count);
    });

    #[allow(non_upper_case_globals, non_camel_case_types, dead_code)]
    mod items_named_like_the_rewrite {
        use super::*;

        const value: u32 = 0;
        struct residual;

        with_param!(parsed(text: &'static str) -> Result<u32, ParseIntError> {
            yield_!(Ok(text.parse::<u32>()?));
        });

        #[test]
        fn question_mark() {
            assert_eq!(parsed("7").collect::<Vec<_>>(), [Ok(7)]);
            assert_eq!(parsed("x").collect::<Vec<_>>(), [Err(parse_error())]);
        }
    }

    #[test]
    fn raw_identifier() {
        assert_eq!(raw(3).collect::<Vec<_>>(), [3]);
    }

    #[test]
    fn ref_mut() {
        assert_eq!(by_ref_mut(1).collect::<Vec<_>>(), [2]);
    }
}

/// A `stream!` / `iter!` that a user macro writes, inside a generator function's body.
///
/// A block form a user macro writes, inside an attribute form's body: its bare
/// `yield` belongs to the inner block, not to the outer generator (which spells its
/// own `yield_!`).
mod blocks_in_generator_bodies {
    use super::*;

    macro_rules! stream_in {
        ($($t:tt)*) => {
            yieldkit::stream! { $($t)* }
        };
    }

    macro_rules! iter_in {
        ($($t:tt)*) => {
            yieldkit::iter! { $($t)* }
        };
    }

    #[yieldkit::async_gen]
    async fn outer_stream() -> u32 {
        let inner = stream_in! {
            for x in 0..3u32 {
                yield x * 10;
            }
        };
        #[for_await]
        for x in inner {
            yield_!(x + 1);
        }
    }

    #[yieldkit::generator]
    fn outer_iter() -> u32 {
        let inner = iter_in! {
            for x in 0..3u32 {
                yield x * 10;
            }
        };
        for x in inner {
            yield_!(x + 1);
        }
    }

    #[test]
    fn inner_blocks_keep_their_yields() {
        assert_eq!(drain(outer_stream()), [1, 11, 21]);
        assert_eq!(outer_iter().collect::<Vec<_>>(), [1, 11, 21]);
    }
}
