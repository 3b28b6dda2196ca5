//! Generators and coroutines under the crate's strict lints.

use yieldkit::{generator, iter, AsyncCoroutine, Coroutine};

/// A free generator.
#[generator]
pub fn numbers(n: u32) -> u32 {
    for i in 0..n {
        yield_!(i);
    }
}

/// `?`, `return`, `yield_from!`.
///
/// # Errors
/// Yields the first parse error as its last item.
#[generator]
pub fn parsed(words: Vec<String>) -> Result<u32, std::num::ParseIntError> {
    if words.is_empty() {
        return;
    }
    for word in words {
        yield_!(Ok(word.parse()?));
    }
    yield_from!(iter! {
        yield Ok(99);
    });
}

/// A type with generator methods.
#[derive(Debug)]
pub struct Store {
    items: Vec<String>,
}

impl Store {
    /// Borrows `self` and an argument.
    #[generator]
    pub fn tagged<'s>(&'s self, tag: &'s str) -> String {
        for item in &self.items {
            yield_!(format!("{tag}{item}"));
        }
    }

    /// Borrows `self` only.
    #[generator]
    pub fn lengths(&self) -> usize {
        for item in &self.items {
            yield_!(item.len());
        }
    }

    /// A boxed, recursive generator.
    #[generator(boxed)]
    pub fn countdown(&self, from: u32) -> u32 {
        if from > 0 {
            yield_!(from);
            yield_from!(self.countdown(from - 1));
        }
    }

    /// Unboxed, pattern arguments.
    #[generator(unboxed)]
    pub fn patterns(&mut self, (a, _b): (u32, u32), _unused: u8) -> u32 {
        yield_!(a);
    }

    /// A coroutine method.
    #[yieldkit::coroutine(first = first)]
    pub fn co(&self, scale: u32) -> impl Coroutine<u32, Yield = u32, Return = usize> {
        let mut x = first;
        loop {
            x = yield_!(x * scale);
            if x == 0 {
                return self.items.len();
            }
        }
    }
}

/// A unit coroutine with delegation.
#[yieldkit::coroutine]
pub fn unit() -> impl Coroutine<(), Yield = u8, Return = u8> {
    yield_!(1);
    let n = yield_from!(inner());
    n + 1
}

/// Delegated to.
#[yieldkit::coroutine(boxed)]
pub fn inner() -> impl Coroutine<(), Yield = u8, Return = u8> {
    yield_!(2);
    3
}

/// An async coroutine.
#[yieldkit::coroutine(first = first)]
pub async fn asy(n: &str) -> impl AsyncCoroutine<Option<u8>, Yield = usize, Return = ()> {
    let mut next = first;
    while let Some(x) = next {
        next = yield_!(n.len() + usize::from(x));
    }
}

/// A generic generator.
#[generator]
pub fn pairs<T: Clone, U>(items: Vec<T>, tag: U) -> (T, U)
where
    U: Copy,
{
    for item in items {
        yield_!((item, tag));
    }
}

/// The block form in a plain function.
pub fn block(n: u64) -> impl Iterator<Item = u64> {
    iter! {
        for x in numbers(3) {
            yield u64::from(x) * n;
        }
    }
}

/// One-line bodies of one expression (no `unused_braces` from the body's block).
pub mod one_liners {
    use futures_core::Stream;
    use yieldkit::{async_gen, generator, iter, stream, Coroutine};

    fn unit() {}

    async fn ready() {
        core::future::ready(()).await;
    }

    /// A block form that only yields.
    pub fn yields() -> impl Iterator<Item = u32> {
        iter! { yield 1 }
    }

    /// A block form that never yields.
    pub fn calls() -> impl Iterator<Item = ()> {
        iter! { unit() }
    }

    /// An async block form that only awaits.
    pub fn awaits() -> impl Stream<Item = ()> {
        stream! { ready().await }
    }

    /// A generator whose body is one call.
    #[generator]
    pub fn call() -> u32 {
        unit()
    }

    /// An async generator whose body is one await.
    #[async_gen]
    pub async fn wait() -> u32 {
        ready().await
    }

    /// A generator whose body is one yield.
    #[generator]
    pub fn once() -> u32 {
        yield_!(1)
    }

    /// A coroutine whose body is its return value.
    #[yieldkit::coroutine]
    pub fn value() -> impl Coroutine<(), Yield = u32, Return = u32> {
        5
    }

    /// A delegation.
    pub fn delegates() -> impl Iterator<Item = u32> {
        iter! { yield_from!(yields()) }
    }
}
