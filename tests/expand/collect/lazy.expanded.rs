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
            use ::agen::__private as __agen_private;
            {
                let __agen_first = __agen_private::core::iter::IntoIterator::into_iter(xs);
                {
                    __agen_private::Box::pin(::agen::__private::Generator::new(
                        move |token: ::agen::__private::YieldToken<_>| async move {
                            let brand = ::agen::__private::Brand::new();
                            #[allow(unused_mut, unused_variables)]
                            let mut yielder =
                                unsafe { ::agen::__private::Yielder::new(token, &brand) };
                            #[allow(unused_labels)]
                            let () = 'a_yield_must_be_directly_in_the_generator_body: {
                                for x in __agen_first {
                                    ({
                                        if false {
                                            loop {
                                                break 'a_yield_must_be_directly_in_the_generator_body;
                                            }
                                        }
                                        match (x + 1) {
                                            __agen_yielded => yielder.yield_(__agen_yielded).await,
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
            use ::agen::__private as __agen_private;
            {
                let __agen_first = s;
                {
                    ::agen::__private::AsyncGen::new(
                        move |token: ::agen::__private::YieldToken<_>| async move {
                            let brand = ::agen::__private::Brand::new();
                            #[allow(unused_mut, unused_variables)]
                            let mut yielder =
                                unsafe { ::agen::__private::Yielder::new(token, &brand) };
                            #[allow(unused_labels)]
                            let () = 'a_yield_must_be_directly_in_the_generator_body: {
                                {
                                    let mut stream = {
                                        super let mut pinned =
                                                        __agen_private::ForAwait::into_checked(__agen_first);
                                        unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
                                    };
                                    while let __agen_private::core::option::Option::Some(item) =
                                        __agen_private::next(stream.as_mut()).await
                                    {
                                        let x = item;
                                        if x > 0 {
                                            ({
                                                if false {
                                                    loop {
                                                        break 'a_yield_must_be_directly_in_the_generator_body;
                                                    }
                                                }
                                                match (x * 2) {
                                                    __agen_yielded => {
                                                        yielder.yield_(__agen_yielded).await
                                                    }
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
