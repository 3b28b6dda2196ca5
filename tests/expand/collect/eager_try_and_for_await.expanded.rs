#![feature(prelude_import)]
extern crate std;
#[prelude_import]
use std::prelude::rust_2024::*;
use futures_core::Stream;

async fn parsed(lines: impl Stream<Item = String>) -> Result<Vec<u32>, std::num::ParseIntError> {
    {
        #[allow(unused_imports)]
        use ::agen::__private as __agen_private;
        {
            let mut __agen_out = __agen_private::Vec::new();
            '__agen_comprehension: {
                {
                    let mut stream = {
                        super let mut pinned =
                                __agen_private::ForAwait::into_checked(lines);
                        unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
                    };
                    while let __agen_private::core::option::Option::Some(item) =
                        __agen_private::next(stream.as_mut()).await
                    {
                        let line = item;
                        match __agen_private::TryElement::into_result(line.parse::<u32>()) {
                            __agen_private::core::result::Result::Ok(__agen_value) => {
                                __agen_out.push(__agen_value);
                            }
                            __agen_private::core::result::Result::Err(__agen_error) => {
                                break '__agen_comprehension
                                    __agen_private::core::result::Result::Err(__agen_error);
                            }
                        }
                    }
                }
                __agen_private::core::result::Result::Ok(__agen_private::from_vec(__agen_out))
            }
        }
    }
}
fn main() {}
