async fn fetch(x: u32) -> Result<u32, String> {
    Ok(x)
}
fn lazy(xs: Vec<u32>) -> impl futures_core::Stream<Item = Result<u32, String>> {
    {
        #[allow(unused_imports)]
        use ::yieldkit::__private as __yieldkit_private;
        {
            let __yieldkit_first = __yieldkit_private::core::iter::IntoIterator::into_iter(
                xs,
            );
            let __yieldkit_halt = __yieldkit_private::Arc::new(
                __yieldkit_private::core::sync::atomic::AtomicBool::new(false),
            );
            let __yieldkit_producer_halt = __yieldkit_private::Arc::clone(
                &__yieldkit_halt,
            );
            __yieldkit_private::UntilErr::new(
                __yieldkit_private::Buffered::new(
                    __yieldkit_private::Box::pin({
                        ::yieldkit::__private::AsyncGen::new(move |
                            token: ::yieldkit::__private::YieldToken<_>|
                        async move {
                            let brand = ::yieldkit::__private::Brand::new();
                            #[allow(unused_mut, unused_variables)]
                            let mut yielder = unsafe {
                                ::yieldkit::__private::Yielder::new(token, &brand)
                            };
                            #[allow(unused_labels)]
                            let () = 'a_yield_must_be_directly_in_the_generator_body: {
                                {
                                    let mut __yieldkit_stop = __yieldkit_private::core::option::Option::None;
                                    {
                                        #[allow(unused_imports)]
                                        use __yieldkit_private::{ProbeCloses as _, ProbeDrops as _};
                                        let mut __yieldkit_source_0 = __yieldkit_private::core::iter::IntoIterator::into_iter(
                                            __yieldkit_first,
                                        );
                                        let __yieldkit_kind_0 = (&__yieldkit_private::Probe::of(
                                            &__yieldkit_source_0,
                                        ))
                                            .__yieldkit_close_kind();
                                        for x in &mut __yieldkit_source_0 {
                                            {
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
                                                if __yieldkit_producer_halt
                                                    .load(
                                                        __yieldkit_private::core::sync::atomic::Ordering::Relaxed,
                                                    )
                                                {
                                                    __yieldkit_stop = __yieldkit_private::core::option::Option::Some(());
                                                    break;
                                                }
                                            }
                                        }
                                        __yieldkit_kind_0.close(&mut __yieldkit_source_0);
                                    }
                                }
                            };
                        })
                    }),
                    2,
                    true,
                ),
                __yieldkit_halt,
            )
        }
    }
}
fn main() {}
