#![feature(prelude_import)]
extern crate std;
#[prelude_import]
use std::prelude::rust_2024::*;
use futures_core::Stream;

async fn sum(s: impl Stream<Item = u32>) -> u32 {
    #[allow(unused_imports)]
    use ::yieldkit::__private as __yieldkit_private;
    let mut total = 0;
    {
        let mut stream = {
            super let mut pinned = __yieldkit_private::ForAwait::into_checked(s);
            unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
        };
        while let __yieldkit_private::core::option::Option::Some(item) =
            __yieldkit_private::next(stream.as_mut()).await
        {
            let x = item;
            total += x;
        }
    }
    total
}
fn main() {}
