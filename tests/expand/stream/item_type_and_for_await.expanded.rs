#![feature(prelude_import)]
extern crate std;
#[prelude_import]
use std::prelude::rust_2024::*;
fn main() {
    let inner = {
        #[allow(unused_imports)]
        use ::agen::__private as __agen_private;
        {
            ::agen::__private::AsyncGen::new(
                move |token: ::agen::__private::YieldToken<_>| async move {
                    let brand = ::agen::__private::Brand::new();
                    #[allow(unused_mut, unused_variables)]
                    let mut yielder = unsafe { ::agen::__private::Yielder::new(token, &brand) };
                    #[allow(unused_labels)]
                    let () = 'a_yield_must_be_directly_in_the_generator_body: {
                        {
                            ({
                                if false {
                                    loop {
                                        break 'a_yield_must_be_directly_in_the_generator_body;
                                    }
                                }
                                match (1u32) {
                                    __agen_yielded => yielder.yield_(__agen_yielded).await,
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
        use ::agen::__private as __agen_private;
        {
            ::agen::__private::AsyncGen::new(
                move |token: ::agen::__private::YieldToken<u64>| async move {
                    let brand = ::agen::__private::Brand::new();
                    #[allow(unused_mut, unused_variables)]
                    let mut yielder = unsafe { ::agen::__private::Yielder::new(token, &brand) };
                    #[allow(unused_labels)]
                    let () = 'a_yield_must_be_directly_in_the_generator_body: {
                        {
                            let mut stream = {
                                super let mut pinned =
                                                    __agen_private::ForAwait::into_checked(inner);
                                unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
                            };
                            while let __agen_private::core::option::Option::Some(item) =
                                __agen_private::next(stream.as_mut()).await
                            {
                                let x = item;
                                ({
                                    if false {
                                        loop {
                                            break 'a_yield_must_be_directly_in_the_generator_body;
                                        }
                                    }
                                    match (u64::from(x)) {
                                        __agen_yielded => {
                                            let __agen_yielded: u64 = __agen_yielded;
                                            yielder.yield_(__agen_yielded).await
                                        }
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
