#![feature(prelude_import)]
extern crate std;
#[prelude_import]
use std::prelude::rust_2024::*;
use futures_core::Stream;

async fn parsed(lines: impl Stream<Item = String>) -> Result<Vec<u32>, std::num::ParseIntError> {
    {
        let mut __agen_out = ::agen::__private::Vec::new();
        '__agen_comprehension: {
            {
                let mut stream = {
                    super let mut pinned =
                            ::agen::__private::ForAwait::into_checked(lines);
                    unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
                };
                while let ::core::option::Option::Some(item) =
                    ::agen::__private::next(stream.as_mut()).await
                {
                    let line = item;
                    match ::agen::__private::TryElement::into_result(line.parse::<u32>()) {
                        ::core::result::Result::Ok(__agen_value) => {
                            __agen_out.push(__agen_value);
                        }
                        ::core::result::Result::Err(__agen_error) => {
                            break '__agen_comprehension ::core::result::Result::Err(__agen_error);
                        }
                    }
                }
            }
            ::core::result::Result::Ok(::agen::__private::from_vec(__agen_out))
        }
    }
}
fn main() {}
