fn pairs(
    __yieldkit_arg0: (u32, u32),
    _unused: String,
    n: usize,
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
        #[allow(unused_mut)]
        let mut __yieldkit_arg0 = __yieldkit_arg0;
        let (a, b) = __yieldkit_arg0;
        #[allow(
            clippy::used_underscore_binding,
            clippy::no_effect_underscore_binding,
            clippy::redundant_locals
        )]
        let _unused = _unused;
        #[allow(
            clippy::used_underscore_binding,
            clippy::no_effect_underscore_binding,
            clippy::redundant_locals
        )]
        let mut n = n;
        #[allow(unused_labels)]
        let () = 'a_yield_must_be_directly_in_the_generator_body: {
            while n > 0 {
                n -= 1;
                {
                    match (a + b) {
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
