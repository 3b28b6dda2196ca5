#![feature(prelude_import)]
extern crate std;
#[prelude_import]
use std::prelude::rust_2024::*;
use futures_core::Stream;

async fn sum(s: impl Stream<Item = u32>) -> u32 {
    let mut total = 0;
    {
        let mut stream = {
            super let mut pinned =
                    ::yieldkit::__private::ForAwait::into_checked(s);
            unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
        };
        while let ::yieldkit::__private::core::option::Option::Some(item) =
            ::yieldkit::__private::next(stream.as_mut()).await
        {
            let x = item;
            total += x;
        }
    }
    total
}
fn main() {}
