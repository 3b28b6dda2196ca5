#![feature(prelude_import)]
extern crate std;
#[prelude_import]
use std::prelude::rust_2024::*;
use futures_core::Stream;

fn doubled(
    inner: impl Stream<Item = u32>,
    more: impl Stream<Item = u32>,
) -> impl ::yieldkit::__private::FusedStream<Item = u32> + ::yieldkit::__private::AsyncClose {
    #[allow(unused_imports)]
    use ::yieldkit::__private as __yieldkit_private;

    ::yieldkit::__private::AsyncGen::new(
        move |token: ::yieldkit::__private::YieldToken<u32>| async move {
            let brand = ::yieldkit::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut yielder = unsafe { ::yieldkit::__private::Yielder::new(token, &brand) };
            #[allow(
                clippy::used_underscore_binding,
                clippy::no_effect_underscore_binding,
                clippy::redundant_locals
            )]
            let inner = inner;
            #[allow(
                clippy::used_underscore_binding,
                clippy::no_effect_underscore_binding,
                clippy::redundant_locals
            )]
            let more = more;
            #[allow(unused_labels)]
            let () = 'a_yield_must_be_directly_in_the_generator_body: {
                {
                    {
                        #[allow(unused_imports)]
                        use __yieldkit_private::{ProbeCloses as _, ProbeDrops as _};
                        let mut stream = {
                            super let mut pinned =
                                __yieldkit_private::ForAwait::into_checked(inner);
                            unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
                        };
                        let __yieldkit_kind_1 =
                            (&__yieldkit_private::Probe::of(&*stream)).__yieldkit_close_kind();
                        {
                            let __yieldkit_value = {
                                'outer: while let __yieldkit_private::core::option::Option::Some(
                                    item,
                                ) = __yieldkit_private::next(stream.as_mut()).await
                                {
                                    let x = item;
                                    if x > 100 {
                                        break 'outer;
                                    }
                                    {
                                        match (x * 2) {
                                            __yieldkit_yielded => {
                                                if false {
                                                    loop {
                                                        break 'a_yield_must_be_directly_in_the_generator_body;
                                                    }
                                                }
                                                let __yieldkit_yielded: u32 = __yieldkit_yielded;
                                                yielder.yield_(__yieldkit_yielded).await
                                            }
                                        }
                                    };
                                }
                            };
                            if true {
                                __yieldkit_kind_1.aclose(stream.as_mut()).await;
                            }
                            __yieldkit_value
                        }
                    }
                    {
                        {
                            let mut stream = {
                                super let mut pinned =
                                    __yieldkit_private::ForAwait::into_checked(more);
                                unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
                            };
                            while let __yieldkit_private::core::option::Option::Some(item) =
                                __yieldkit_private::next(stream.as_mut()).await
                            {
                                let item = item;
                                {
                                    match (item) {
                                        __yieldkit_yielded => {
                                            if false {
                                                loop {
                                                    break 'a_yield_must_be_directly_in_the_generator_body;
                                                }
                                            }
                                            let __yieldkit_yielded: u32 = __yieldkit_yielded;
                                            yielder.yield_(__yieldkit_yielded).await
                                        }
                                    }
                                };
                            }
                        }
                    };
                }
            };
        },
    )
}
fn main() {}
