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
        use ::yieldkit::__private as __yieldkit_private;
        {
            let __yieldkit_halt = __yieldkit_private::core::sync::atomic::AtomicBool::new(false);
            let __yieldkit_item = {
                super let mut pinned = ::yieldkit::__private::AsyncGen::new(
                    |token: ::yieldkit::__private::YieldToken<_>| async {
                        let brand = ::yieldkit::__private::Brand::new();
                        #[allow(unused_mut, unused_variables)]
                        let mut yielder =
                            unsafe { ::yieldkit::__private::Yielder::new(token, &brand) };
                        let mut __yieldkit_stop = __yieldkit_private::core::option::Option::None;
                        {
                            #[allow(unused_imports)]
                            use __yieldkit_private::{ProbeCloses as _, ProbeDrops as _};
                            let mut __yieldkit_source_0 =
                                __yieldkit_private::core::iter::IntoIterator::into_iter(xs);
                            let __yieldkit_kind_0 =
                                (&__yieldkit_private::Probe::of(&__yieldkit_source_0))
                                    .__yieldkit_close_kind();
                            for x in &mut __yieldkit_source_0 {
                                {
                                    let __yieldkit_bindings = __yieldkit_private::Bindings((x,));
                                    yielder
                                        .yield_(async {
                                            #[allow(unused_variables, unused_mut)]
                                            let (x,) = __yieldkit_bindings.into_inner();
                                            fetch(x).await
                                        })
                                        .await;
                                    if __yieldkit_halt.load(
                                        __yieldkit_private::core::sync::atomic::Ordering::Relaxed,
                                    ) {
                                        __yieldkit_stop =
                                            __yieldkit_private::core::option::Option::Some(());
                                        break;
                                    }
                                }
                            }
                            __yieldkit_kind_0.close(&mut __yieldkit_source_0);
                        }
                    },
                );
                unsafe { ::core::pin::Pin::new_unchecked(&mut pinned) }
            };
            let mut __yieldkit_buffered = __yieldkit_private::ForAwait::into_checked(
                __yieldkit_private::Buffered::new(__yieldkit_item, 2, true),
            );
            let mut __yieldkit_out = __yieldkit_private::Vec::new();
            '__yieldkit_comprehension: {
                while let __yieldkit_private::core::option::Option::Some(__yieldkit_item) =
                    __yieldkit_private::next(__yieldkit_private::core::pin::Pin::new(
                        &mut __yieldkit_buffered,
                    ))
                    .await
                {
                    match __yieldkit_private::TryElement::into_result(__yieldkit_item) {
                        __yieldkit_private::core::result::Result::Ok(__yieldkit_value) => {
                            __yieldkit_out.push(__yieldkit_value);
                        }
                        __yieldkit_private::core::result::Result::Err(__yieldkit_error) => {
                            {
                                __yieldkit_halt.store(
                                    true,
                                    __yieldkit_private::core::sync::atomic::Ordering::Relaxed,
                                );
                                __yieldkit_buffered.stream_mut().finish().await;
                                break '__yieldkit_comprehension
                                    __yieldkit_private::core::result::Result::Err(__yieldkit_error);
                            };
                        }
                    }
                }
                __yieldkit_private::core::result::Result::Ok(__yieldkit_private::from_vec(
                    __yieldkit_out,
                ))
            }
        }
    }
}
fn lazy(xs: Vec<u32>) -> impl futures_core::Stream<Item = Result<u32, String>> {
    {
        #[allow(unused_imports)]
        use ::yieldkit::__private as __yieldkit_private;
        {
            let __yieldkit_first = __yieldkit_private::core::iter::IntoIterator::into_iter(xs);
            __yieldkit_private::Buffered::new(
                __yieldkit_private::Box::pin({
                    ::yieldkit::__private::AsyncGen::new(
                        move |token: ::yieldkit::__private::YieldToken<_>| async move {
                            let brand = ::yieldkit::__private::Brand::new();
                            #[allow(unused_mut, unused_variables)]
                            let mut yielder =
                                unsafe { ::yieldkit::__private::Yielder::new(token, &brand) };
                            #[allow(unused_labels)]
                            let () = 'a_yield_must_be_directly_in_the_generator_body: {
                                for x in __yieldkit_first {
                                    (match (async move { fetch(x).await }) {
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
                }),
                4,
                false,
            )
        }
    }
}
fn main() {}
