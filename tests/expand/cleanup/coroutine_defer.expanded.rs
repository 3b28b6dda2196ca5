fn summed(
    log: &std::cell::RefCell<Vec<u32>>,
) -> impl yieldkit::Coroutine<u32, Yield = u32, Return = u32> {
    #[allow(unused_imports)]
    use ::yieldkit::__private as __yieldkit_private;
    ::yieldkit::__private::Co::<
        u32,
        u32,
        _,
        _,
    >::new(move |token: ::yieldkit::__private::CoYieldToken<u32, u32>, first: u32| {
        async move {
            let brand = ::yieldkit::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut yielder = unsafe {
                ::yieldkit::__private::CoYielder::new(token, &brand)
            };
            #[allow(
                clippy::used_underscore_binding,
                clippy::no_effect_underscore_binding,
                clippy::redundant_locals
            )]
            let log = log;
            #[allow(unused_labels)]
            let returned: u32 = 'a_yield_must_be_directly_in_the_generator_body: {
                {
                    let mut total = first;
                    {
                        yielder.enter_cleanup();
                        let mut __yieldkit_exit_1_0 = __yieldkit_private::core::option::Option::None;
                        let __yieldkit_flow = '__yieldkit_region_1: {
                            let __yieldkit_value = {
                                loop {
                                    if total > 100 {
                                        ({
                                            __yieldkit_exit_1_0 = __yieldkit_private::core::option::Option::Some(
                                                total,
                                            );
                                            break '__yieldkit_region_1 __yieldkit_private::core::ops::ControlFlow::Break(
                                                0,
                                            );
                                        });
                                    }
                                    total
                                        += (match (total) {
                                            __yieldkit_yielded => {
                                                if false {
                                                    loop {
                                                        break 'a_yield_must_be_directly_in_the_generator_body __yieldkit_private::dead();
                                                    }
                                                }
                                                let __yieldkit_yielded: u32 = __yieldkit_yielded;
                                                match yielder.yield_closable(__yieldkit_yielded).await {
                                                    __yieldkit_private::core::option::Option::Some(
                                                        __yieldkit_sent,
                                                    ) => __yieldkit_sent,
                                                    __yieldkit_private::core::option::Option::None => {
                                                        break '__yieldkit_region_1 __yieldkit_private::core::ops::ControlFlow::Break(
                                                            1,
                                                        );
                                                    }
                                                }
                                            }
                                        });
                                }
                            };
                            #[allow(unreachable_code)]
                            break '__yieldkit_region_1 __yieldkit_private::core::ops::ControlFlow::<
                                u8,
                                _,
                            >::Continue(__yieldkit_value);
                        };
                        yielder.leave_cleanup();
                        if true {
                            log.borrow_mut().push(total);
                        }
                        match __yieldkit_flow {
                            __yieldkit_private::core::ops::ControlFlow::Continue(
                                __yieldkit_value,
                            ) => __yieldkit_value,
                            __yieldkit_private::core::ops::ControlFlow::Break(0) => {
                                break 'a_yield_must_be_directly_in_the_generator_body match __yieldkit_exit_1_0 {
                                    __yieldkit_private::core::option::Option::Some(
                                        __yieldkit_value,
                                    ) => __yieldkit_value,
                                    __yieldkit_private::core::option::Option::None => {
                                        __yieldkit_private::dead()
                                    }
                                };
                            }
                            __yieldkit_private::core::ops::ControlFlow::Break(1) => {
                                match yielder.park().await {}
                            }
                            __yieldkit_private::core::ops::ControlFlow::Break(_) => {
                                __yieldkit_private::dead()
                            }
                        }
                    }
                }
            };
            returned
        }
    })
}
fn main() {}
