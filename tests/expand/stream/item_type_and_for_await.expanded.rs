#![feature(prelude_import)]
extern crate std;
#[prelude_import]
use std::prelude::rust_2024::*;
fn main() {
    let inner = {
        #[allow(unused_imports)]
        use ::yieldkit::__private as __yieldkit_private;
        {
            ::yieldkit::__private::AsyncGen::new(
                move |token: ::yieldkit::__private::YieldToken<_>| async move {
                    let brand = ::yieldkit::__private::Brand::new();
                    #[allow(unused_mut, unused_variables)]
                    let mut yielder = unsafe { ::yieldkit::__private::Yielder::new(token, &brand) };
                    #[allow(unused_labels)]
                    let () = 'a_yield_must_be_directly_in_the_generator_body: {
                        {
                            (match (1u32) {
                                __yieldkit_yielded => {
                                    if false {
                                        loop {
                                            break 'a_yield_must_be_directly_in_the_generator_body;
                                        }
                                    }
                                    yielder.yield_(__yieldkit_yielded).await
                                }
                            });
                        }
                    };
                },
            )
        }
    };
    let _ = {
        #[allow(unused_imports)]
        use ::yieldkit::__private as __yieldkit_private;
        {
            ::yieldkit::__private::AsyncGen::new(
                move |token: ::yieldkit::__private::YieldToken<u64>| async move {
                    let brand = ::yieldkit::__private::Brand::new();
                    #[allow(unused_mut, unused_variables)]
                    let mut yielder = unsafe { ::yieldkit::__private::Yielder::new(token, &brand) };
                    #[allow(unused_labels)]
                    let () = 'a_yield_must_be_directly_in_the_generator_body: {
                        {
                            let mut stream = {
                                super let mut pinned =
                                    __yieldkit_private::ForAwait::into_checked(inner);
                                unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
                            };
                            while let __yieldkit_private::core::option::Option::Some(item) =
                                __yieldkit_private::next(stream.as_mut()).await
                            {
                                let x = item;
                                (match (u64::from(x)) {
                                    __yieldkit_yielded => {
                                        if false {
                                            loop {
                                                break 'a_yield_must_be_directly_in_the_generator_body;
                                            }
                                        }
                                        let __yieldkit_yielded: u64 = __yieldkit_yielded;
                                        yielder.yield_(__yieldkit_yielded).await
                                    }
                                });
                            }
                        }
                    };
                },
            )
        }
    };
}
