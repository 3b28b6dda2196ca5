#![feature(prelude_import)]
extern crate std;
#[prelude_import]
use std::prelude::rust_2024::*;
use futures_core::Stream;

fn lazy(
    xs: Vec<u32>,
    s: impl Stream<Item = u32>,
) -> (impl Iterator<Item = u32>, impl Stream<Item = u32>) {
    (
        {
            #[allow(unused_imports)]
            use ::yieldkit::__private as __yieldkit_private;
            {
                let __yieldkit_first = __yieldkit_private::core::iter::IntoIterator::into_iter(xs);
                {
                    __yieldkit_private::Box::pin(::yieldkit::__private::Generator::new(
                        move |token: ::yieldkit::__private::YieldToken<_>| async move {
                            let brand = ::yieldkit::__private::Brand::new();
                            #[allow(unused_mut, unused_variables)]
                            let mut yielder =
                                unsafe { ::yieldkit::__private::Yielder::new(token, &brand) };
                            #[allow(unused_labels)]
                            let () = 'a_yield_must_be_directly_in_the_generator_body: {
                                for x in __yieldkit_first {
                                    (match (x + 1) {
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
                    ))
                }
            }
        },
        {
            #[allow(unused_imports)]
            use ::yieldkit::__private as __yieldkit_private;
            {
                let __yieldkit_first = s;
                {
                    ::yieldkit::__private::AsyncGen::new(
                        move |token: ::yieldkit::__private::YieldToken<_>| async move {
                            let brand = ::yieldkit::__private::Brand::new();
                            #[allow(unused_mut, unused_variables)]
                            let mut yielder =
                                unsafe { ::yieldkit::__private::Yielder::new(token, &brand) };
                            #[allow(unused_labels)]
                            let () = 'a_yield_must_be_directly_in_the_generator_body: {
                                {
                                    let mut stream = {
                                        super let mut pinned =
                                            __yieldkit_private::ForAwait::into_checked(
                                                __yieldkit_first,
                                            );
                                        unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
                                    };
                                    while let __yieldkit_private::core::option::Option::Some(item) =
                                        __yieldkit_private::next(stream.as_mut()).await
                                    {
                                        let x = item;
                                        if x > 0 {
                                            (match (x * 2) {
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
                                    }
                                }
                            };
                        },
                    )
                }
            }
        },
    )
}
fn main() {}
