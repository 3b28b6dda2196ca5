fn rows(
    lines: Vec<String>,
    log: &std::cell::RefCell<Vec<u32>>,
) -> impl ::yieldkit::__private::FusedStream<
    Item = Result<u32, std::num::ParseIntError>,
> + ::yieldkit::__private::AsyncClose {
    #[allow(unused_imports)]
    use ::yieldkit::__private as __yieldkit_private;
    ::yieldkit::__private::AsyncGen::new(move |
        token: ::yieldkit::__private::YieldToken<Result<u32, std::num::ParseIntError>>|
    async move {
        let brand = ::yieldkit::__private::Brand::new();
        #[allow(unused_mut, unused_variables)]
        let mut yielder = unsafe { ::yieldkit::__private::Yielder::new(token, &brand) };
        #[allow(
            clippy::used_underscore_binding,
            clippy::no_effect_underscore_binding,
            clippy::redundant_locals
        )]
        let lines = lines;
        #[allow(
            clippy::used_underscore_binding,
            clippy::no_effect_underscore_binding,
            clippy::redundant_locals
        )]
        let log = log;
        #[allow(unused_labels)]
        let () = 'a_yield_must_be_directly_in_the_generator_body: {
            {
                yielder.enter_cleanup();
                let mut __yieldkit_exit_1_0 = __yieldkit_private::core::option::Option::None;
                let __yieldkit_flow = '__yieldkit_region_1: {
                    let __yieldkit_value = {
                        for line in lines {
                            {
                                match (Ok(
                                    (match __yieldkit_private::Try::branch(
                                        line.trim().parse(),
                                    ) {
                                        __yieldkit_private::core::ops::ControlFlow::Continue(
                                            __yieldkit_value,
                                        ) => __yieldkit_value,
                                        __yieldkit_private::core::ops::ControlFlow::Break(
                                            __yieldkit_residual,
                                        ) => {
                                            __yieldkit_exit_1_0 = __yieldkit_private::core::option::Option::Some(
                                                __yieldkit_private::FromResidual::from_residual(
                                                    __yieldkit_residual,
                                                ),
                                            );
                                            break '__yieldkit_region_1 __yieldkit_private::core::ops::ControlFlow::Break(
                                                0,
                                            );
                                        }
                                    }),
                                )) {
                                    __yieldkit_yielded => {
                                        if false {
                                            loop {
                                                break 'a_yield_must_be_directly_in_the_generator_body;
                                            }
                                        }
                                        let __yieldkit_yielded: Result<
                                            u32,
                                            std::num::ParseIntError,
                                        > = __yieldkit_yielded;
                                        yielder.yield_(__yieldkit_yielded).await;
                                        if yielder.closing() {
                                            break '__yieldkit_region_1 __yieldkit_private::core::ops::ControlFlow::Break(
                                                1,
                                            );
                                        }
                                    }
                                }
                            };
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
                    log.borrow_mut().push(0);
                }
                match __yieldkit_flow {
                    __yieldkit_private::core::ops::ControlFlow::Continue(
                        __yieldkit_value,
                    ) => __yieldkit_value,
                    __yieldkit_private::core::ops::ControlFlow::Break(0) => {
                        yielder
                            .yield_last(
                                match __yieldkit_exit_1_0 {
                                    __yieldkit_private::core::option::Option::Some(
                                        __yieldkit_value,
                                    ) => __yieldkit_value,
                                    __yieldkit_private::core::option::Option::None => {
                                        __yieldkit_private::dead()
                                    }
                                },
                            );
                        loop {
                            break 'a_yield_must_be_directly_in_the_generator_body;
                        }
                    }
                    __yieldkit_private::core::ops::ControlFlow::Break(1) => return,
                    __yieldkit_private::core::ops::ControlFlow::Break(_) => {
                        __yieldkit_private::dead()
                    }
                }
            }
        };
    })
}
fn main() {}
