#![feature(prelude_import)]
extern crate std;
#[prelude_import]
use std::prelude::rust_2024::*;
use futures_core::Stream;

async fn parsed(lines: impl Stream<Item = String>) -> Result<Vec<u32>, std::num::ParseIntError> {
    {
        #[allow(unused_imports)]
        use ::agen as __agen_crate;
        {
            let mut __agen_out = __agen_crate::__private::Vec::new();
            '__agen_comprehension: {
                {
                    let mut stream = {
                        super let mut pinned =
                                __agen_crate::__private::ForAwait::into_checked(lines);
                        unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
                    };
                    while let __agen_crate::__private::core::option::Option::Some(item) =
                        __agen_crate::__private::next(stream.as_mut()).await
                    {
                        let line = item;
                        match __agen_crate::__private::TryElement::into_result(line.parse::<u32>())
                        {
                            __agen_crate::__private::core::result::Result::Ok(__agen_value) => {
                                __agen_out.push(__agen_value);
                            }
                            __agen_crate::__private::core::result::Result::Err(__agen_error) => {
                                break '__agen_comprehension
                                    __agen_crate::__private::core::result::Result::Err(__agen_error);
                            }
                        }
                    }
                }
                __agen_crate::__private::core::result::Result::Ok(
                    __agen_crate::__private::from_vec(__agen_out),
                )
            }
        }
    }
}
fn main() {}
