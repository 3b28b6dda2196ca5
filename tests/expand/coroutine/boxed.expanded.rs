use yieldkit::Coroutine;
fn countdown(
    from: u32,
) -> ::yieldkit::__private::core::pin::Pin<
    ::yieldkit::__private::Box<
        dyn Coroutine<
            (),
            Yield = u32,
            Return = &'static str,
        > + ::yieldkit::__private::core::marker::Send,
    >,
> {
    #[allow(unused_imports)]
    use ::yieldkit::__private as __yieldkit_private;
    #[deny(elided_lifetimes_in_paths)]
    let _: __yieldkit_private::core::marker::PhantomData<(u32,)>;
    __yieldkit_private::Box::pin(
        ::yieldkit::__private::Co::<
            u32,
            (),
            _,
            _,
        >::new(move |
            token: ::yieldkit::__private::CoYieldToken<u32, ()>,
            first_resume: ()|
        {
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
                let from = from;
                <() as __yieldkit_private::UnnamedFirstResume>::discard(first_resume);
                #[allow(unused_labels)]
                let returned: &'static str = 'a_yield_must_be_directly_in_the_generator_body: {
                    {
                        for i in (1..=from).rev() {
                            {
                                match (i) {
                                    __yieldkit_yielded => {
                                        if false {
                                            loop {
                                                break 'a_yield_must_be_directly_in_the_generator_body __yieldkit_private::dead();
                                            }
                                        }
                                        let __yieldkit_yielded: u32 = __yieldkit_yielded;
                                        yielder.yield_(__yieldkit_yielded).await
                                    }
                                }
                            };
                        }
                        "liftoff"
                    }
                };
                returned
            }
        }),
    )
}
fn main() {}
