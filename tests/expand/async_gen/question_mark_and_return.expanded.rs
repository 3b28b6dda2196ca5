fn parsed(
    lines: Vec<String>,
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
        #[allow(unused_labels)]
        let () = 'a_yield_must_be_directly_in_the_generator_body: {
            {
                if lines.is_empty() {
                    return;
                }
                for line in lines {
                    {
                        match (Ok(
                            (match __yieldkit_private::Try::branch(line.trim().parse()) {
                                __yieldkit_private::core::ops::ControlFlow::Continue(
                                    __yieldkit_value,
                                ) => __yieldkit_value,
                                __yieldkit_private::core::ops::ControlFlow::Break(
                                    __yieldkit_residual,
                                ) => {
                                    yielder
                                        .yield_last(
                                            __yieldkit_private::FromResidual::from_residual(
                                                __yieldkit_residual,
                                            ),
                                        );
                                    loop {
                                        break 'a_yield_must_be_directly_in_the_generator_body;
                                    }
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
                                yielder.yield_(__yieldkit_yielded).await
                            }
                        }
                    };
                }
            }
        };
    })
}
fn main() {}
