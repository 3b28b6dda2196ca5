fn parsed(
    lines: Vec<String>,
) -> impl ::agen::__private::FusedStream<Item = Result<u32, std::num::ParseIntError>> {
    ::agen::__private::AsyncGen::new(move |
        token: ::agen::__private::YieldToken<Result<u32, std::num::ParseIntError>>|
    async move {
        let brand = ::agen::__private::Brand::new();
        #[allow(unused_mut, unused_variables)]
        let mut yielder = unsafe { ::agen::__private::Yielder::new(token, &brand) };
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
                        if false {
                            loop {
                                break 'a_yield_must_be_directly_in_the_generator_body;
                            }
                        }
                        match (Ok(
                            (match ::agen::__private::Try::branch(line.trim().parse()) {
                                ::agen::__private::core::ops::ControlFlow::Continue(
                                    __agen_value,
                                ) => __agen_value,
                                ::agen::__private::core::ops::ControlFlow::Break(
                                    __agen_residual,
                                ) => {
                                    yielder
                                        .yield_last(
                                            ::agen::__private::FromResidual::from_residual(
                                                __agen_residual,
                                            ),
                                        );
                                    loop {
                                        break 'a_yield_must_be_directly_in_the_generator_body;
                                    }
                                }
                            }),
                        )) {
                            __agen_yielded => {
                                let __agen_yielded: Result<u32, std::num::ParseIntError> = __agen_yielded;
                                yielder.yield_(__agen_yielded).await
                            }
                        }
                    };
                }
            }
        };
    })
}
fn main() {}
