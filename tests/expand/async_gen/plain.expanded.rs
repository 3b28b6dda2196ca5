fn countdown(
    from: u32,
) -> impl ::yieldkit::__private::FusedStream<
    Item = u32,
> + ::yieldkit::__private::AsyncClose {
    #[allow(unused_imports)]
    use ::yieldkit::__private as __yieldkit_private;
    ::yieldkit::__private::AsyncGen::new(move |
        token: ::yieldkit::__private::YieldToken<u32>|
    async move {
        let brand = ::yieldkit::__private::Brand::new();
        #[allow(unused_mut, unused_variables)]
        let mut yielder = unsafe { ::yieldkit::__private::Yielder::new(token, &brand) };
        #[allow(
            clippy::used_underscore_binding,
            clippy::no_effect_underscore_binding,
            clippy::redundant_locals
        )]
        let from = from;
        #[allow(unused_labels)]
        let () = 'a_yield_must_be_directly_in_the_generator_body: {
            for i in (1..=from).rev() {
                {
                    match (i) {
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
    })
}
fn main() {}
