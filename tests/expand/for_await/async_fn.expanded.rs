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
        #[allow(unused_imports)]
        use __yieldkit_private::{ProbeCloses as _, ProbeDrops as _};
        let mut stream = {
            super let mut pinned =
                    __yieldkit_private::ForAwait::into_checked(s);
            unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
        };
        let __yieldkit_kind_1 = (&__yieldkit_private::Probe::of(&*stream)).__yieldkit_close_kind();
        {
            let __yieldkit_value = {
                while let __yieldkit_private::core::option::Option::Some(item) =
                    __yieldkit_private::next(stream.as_mut()).await
                {
                    let x = item;
                    total += x;
                }
            };
            if true {
                __yieldkit_kind_1.aclose(stream.as_mut()).await;
            }
            __yieldkit_value
        }
    }
    total
}
fn main() {}
