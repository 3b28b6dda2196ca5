#![feature(prelude_import)]
extern crate std;
#[prelude_import]
use std::prelude::rust_2024::*;
// A `#[for_await]` loop in an `async` block of a body: a region of the block's own,
// whose `return` and `?` leave the block (closing the stream first), never the body.
fn sums(
    s: impl futures_core::Stream<Item = Result<u32, String>>,
) -> impl ::yieldkit::__private::FusedStream<Item = Result<u32, String>>
       + ::yieldkit::__private::AsyncClose {
    #[allow(unused_imports)]
    use ::yieldkit::__private as __yieldkit_private;

    ::yieldkit::__private::AsyncGen::new(
        move |token: ::yieldkit::__private::YieldToken<Result<u32, String>>| async move {
            let brand = ::yieldkit::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut yielder = unsafe { ::yieldkit::__private::Yielder::new(token, &brand) };
            #[allow(
                clippy::used_underscore_binding,
                clippy::no_effect_underscore_binding,
                clippy::redundant_locals
            )]
            let s = s;
            #[allow(unused_labels)]
            let () = 'a_yield_must_be_directly_in_the_generator_body: {
                {
                    let total =
                                async {
                                        let mut total = 0;
                                        {
                                            #[allow(unused_imports)]
                                            use __yieldkit_private::{ProbeCloses as _, ProbeDrops as _};
                                            let mut stream =
                                                {
                                                    super let mut pinned =
                                                        __yieldkit_private::ForAwait::into_checked(s);
                                                    unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
                                                };
                                            let __yieldkit_kind_1 =
                                                (&__yieldkit_private::Probe::of(&*stream)).__yieldkit_close_kind();
                                            {
                                                let mut __yieldkit_exit_1_0 =
                                                    __yieldkit_private::core::option::Option::None;
                                                let __yieldkit_flow =
                                                    '__yieldkit_region_1:
                                                        {
                                                        let __yieldkit_value =
                                                            {
                                                                while let __yieldkit_private::core::option::Option::Some(item)
                                                                        = __yieldkit_private::next(stream.as_mut()).await {
                                                                    let x = item;
                                                                    if (match __yieldkit_private::Try::branch(x) {
                                                                                    __yieldkit_private::core::ops::ControlFlow::Continue(__yieldkit_value)
                                                                                        => __yieldkit_value,
                                                                                    __yieldkit_private::core::ops::ControlFlow::Break(__yieldkit_residual)
                                                                                        => {
                                                                                        __yieldkit_exit_1_0 =
                                                                                            __yieldkit_private::core::option::Option::Some(__yieldkit_private::FromResidual::from_residual(__yieldkit_residual));
                                                                                        break '__yieldkit_region_1
                                                                                            __yieldkit_private::core::ops::ControlFlow::Break(0)
                                                                                    }
                                                                                }) == 0 {
                                                                        ({
                                                                                __yieldkit_exit_1_0 =
                                                                                    __yieldkit_private::core::option::Option::Some(Ok(total));
                                                                                break '__yieldkit_region_1
                                                                                    __yieldkit_private::core::ops::ControlFlow::Break(0)
                                                                            });
                                                                    }
                                                                    total += 1;
                                                                }
                                                            };

                                                        #[allow(unreachable_code)]
                                                        break '__yieldkit_region_1
                                                            __yieldkit_private::core::ops::ControlFlow::<u8,
                                                                    _>::Continue(__yieldkit_value);
                                                    };
                                                if true { __yieldkit_kind_1.aclose(stream.as_mut()).await; }
                                                match __yieldkit_flow {
                                                    __yieldkit_private::core::ops::ControlFlow::Continue(__yieldkit_value)
                                                        => __yieldkit_value,
                                                    __yieldkit_private::core::ops::ControlFlow::Break(0) =>
                                                        return match __yieldkit_exit_1_0 {
                                                                __yieldkit_private::core::option::Option::Some(__yieldkit_value)
                                                                    => __yieldkit_value,
                                                                __yieldkit_private::core::option::Option::None =>
                                                                    __yieldkit_private::dead(),
                                                            },
                                                    __yieldkit_private::core::ops::ControlFlow::Break(_) =>
                                                        __yieldkit_private::dead(),
                                                }
                                            }
                                        }
                                        Ok(total)
                                    }.await;
                    {
                        match (total) {
                            __yieldkit_yielded => {
                                if false {
                                    loop {
                                        break 'a_yield_must_be_directly_in_the_generator_body;
                                    }
                                }
                                let __yieldkit_yielded: Result<u32, String> = __yieldkit_yielded;
                                yielder.yield_(__yieldkit_yielded).await
                            }
                        }
                    };
                }
            };
        },
    )
}
fn main() {}
