#![feature(prelude_import)]
extern crate std;
#[prelude_import]
use std::prelude::rust_2024::*;
use futures_core::Stream;

fn doubled(
    inner: impl Stream<Item = u32>,
    more: impl Stream<Item = u32>,
) -> impl ::agen::__private::FusedStream<Item = u32> {
    ::agen::__private::AsyncGen::new(
        move |token: ::agen::__private::YieldToken<u32>| async move {
            let brand = ::agen::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut yielder = unsafe { ::agen::__private::Yielder::new(token, &brand) };
            let _ = &inner;
            let _ = &more;
            #[allow(unused_labels)]
            let () = 'a_yield_must_be_directly_in_the_generator_body: {
                {
                    let mut stream = {
                        super let mut pinned =
                                        ::agen::__private::into_stream(inner);
                        unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
                    };
                    'outer: while let ::core::option::Option::Some(item) =
                        ::agen::__private::next(stream.as_mut()).await
                    {
                        let x = item;
                        if x > 100 {
                            break 'outer;
                        }
                        {
                            if false {
                                loop {
                                    break 'a_yield_must_be_directly_in_the_generator_body;
                                }
                            }
                            yielder.yield_(x * 2).await
                        };
                    }
                }
                {
                    let mut stream = {
                        super let mut pinned = ::agen::__private::into_stream(more);
                        unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
                    };
                    while let ::core::option::Option::Some(item) =
                        ::agen::__private::next(stream.as_mut()).await
                    {
                        let item = item;
                        {
                            if false {
                                loop {
                                    break 'a_yield_must_be_directly_in_the_generator_body;
                                }
                            }
                            yielder.yield_(item).await
                        };
                    }
                };
            };
        },
    )
}
fn main() {}
