#![feature(prelude_import)]
extern crate std;
#[prelude_import]
use std::prelude::rust_2024::*;
async fn fetch(x: u32) -> Result<u32, String> {
    Ok(x)
}

async fn all(xs: Vec<u32>) -> Result<Vec<u32>, String> {
    {
        #[allow(unused_imports)]
        use ::agen::__private as __agen_private;
        {
            let __agen_item = {
                super let mut pinned =
                        ::agen::__private::AsyncGen::new(|token:
                                    ::agen::__private::YieldToken<_>|
                                async {
                                    let brand = ::agen::__private::Brand::new();
                                    #[allow(unused_mut, unused_variables)]
                                    let mut yielder =
                                        unsafe { ::agen::__private::Yielder::new(token, &brand) };
                                    for x in xs {
                                        {
                                            let __agen_bindings = __agen_private::Bindings((x,));
                                            yielder.yield_(async {
                                                        #[allow(unused_variables, unused_mut)]
                                                        let (x,) = __agen_bindings.into_inner();
                                                        fetch(x).await
                                                    }).await;
                                        }
                                    }
                                });
                unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
            };
            let mut __agen_buffered = __agen_private::ForAwait::into_checked(
                __agen_private::Buffered::new(__agen_item, 2, true),
            );
            let mut __agen_out = __agen_private::Vec::new();
            '__agen_comprehension: {
                while let __agen_private::core::option::Option::Some(__agen_item) =
                    __agen_private::next(__agen_private::core::pin::Pin::new(&mut __agen_buffered))
                        .await
                {
                    match __agen_private::TryElement::into_result(__agen_item) {
                        __agen_private::core::result::Result::Ok(__agen_value) => {
                            __agen_out.push(__agen_value);
                        }
                        __agen_private::core::result::Result::Err(__agen_error) => {
                            break '__agen_comprehension __agen_private::core::result::Result::Err(
                                __agen_error,
                            );
                        }
                    }
                }
                __agen_private::core::result::Result::Ok(__agen_private::from_vec(__agen_out))
            }
        }
    }
}
fn lazy(xs: Vec<u32>) -> impl futures_core::Stream<Item = Result<u32, String>> {
    {
        #[allow(unused_imports)]
        use ::agen::__private as __agen_private;
        {
            let __agen_first = __agen_private::core::iter::IntoIterator::into_iter(xs);
            __agen_private::Buffered::new(
                __agen_private::Box::pin({
                    ::agen::__private::AsyncGen::new(
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
                                        match (async move { fetch(x).await }) {
                                            __agen_yielded => yielder.yield_(__agen_yielded).await,
                                        }
                                    });
                                }
                            };
                        },
                    )
                }),
                4,
                false,
            )
        }
    }
}
fn main() {}
