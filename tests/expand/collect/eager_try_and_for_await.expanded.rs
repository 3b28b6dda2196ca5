#![feature(prelude_import)]
extern crate std;
#[prelude_import]
use std::prelude::rust_2024::*;
use futures_core::Stream;

async fn parsed(lines: impl Stream<Item = String>) -> Result<Vec<u32>, std::num::ParseIntError> {
    {
        #[allow(unused_imports)]
        use ::yieldkit::__private as __yieldkit_private;
        {
            let mut __yieldkit_out = __yieldkit_private::Vec::new();
            let mut __yieldkit_stop = __yieldkit_private::core::option::Option::None;
            {
                #[allow(unused_imports)]
                use __yieldkit_private::{ProbeCloses as _, ProbeDrops as _};
                let mut __yieldkit_source_0 = {
                    super let mut pinned = __yieldkit_private::ForAwait::into_checked(lines);
                    unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
                };
                let __yieldkit_kind_0 =
                    (&__yieldkit_private::Probe::of(&*__yieldkit_source_0)).__yieldkit_close_kind();
                {
                    let mut stream = {
                        super let mut pinned = __yieldkit_private::ForAwait::into_checked(
                            __yieldkit_source_0.as_mut(),
                        );
                        unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
                    };
                    while let __yieldkit_private::core::option::Option::Some(item) =
                        __yieldkit_private::next(stream.as_mut()).await
                    {
                        let line = item;
                        match __yieldkit_private::TryElement::into_result(line.parse::<u32>()) {
                            __yieldkit_private::core::result::Result::Ok(__yieldkit_value) => {
                                __yieldkit_out.push(__yieldkit_value);
                            }
                            __yieldkit_private::core::result::Result::Err(__yieldkit_error) => {
                                __yieldkit_stop = __yieldkit_private::core::option::Option::Some(
                                    __yieldkit_error,
                                );
                                break;
                            }
                        }
                    }
                }
                __yieldkit_kind_0.aclose(__yieldkit_source_0.as_mut()).await;
            }
            match __yieldkit_stop {
                __yieldkit_private::core::option::Option::None => {
                    __yieldkit_private::core::result::Result::Ok(__yieldkit_private::from_vec(
                        __yieldkit_out,
                    ))
                }
                __yieldkit_private::core::option::Option::Some(__yieldkit_error) => {
                    __yieldkit_private::core::result::Result::Err(__yieldkit_error)
                }
            }
        }
    }
}
fn main() {}
