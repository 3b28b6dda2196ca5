use agen::Coroutine;
fn countdown(
    from: u32,
) -> ::agen::__private::core::pin::Pin<
    ::agen::__private::Box<
        dyn Coroutine<
            (),
            Yield = u32,
            Return = &'static str,
        > + ::agen::__private::core::marker::Send,
    >,
> {
    #[deny(elided_lifetimes_in_paths)]
    let _: ::agen::__private::core::marker::PhantomData<(u32,)>;
    ::agen::__private::Box::pin(
        ::agen::__private::Co::<
            u32,
            (),
            _,
            _,
        >::new(move |token: ::agen::__private::CoYieldToken<u32, ()>, first_resume: ()| async move {
            let brand = ::agen::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut yielder = unsafe {
                ::agen::__private::CoYielder::new(token, &brand)
            };
            #[allow(
                clippy::used_underscore_binding,
                clippy::no_effect_underscore_binding,
                clippy::redundant_locals
            )]
            let from = from;
            <() as ::agen::__private::UnnamedFirstResume>::discard(first_resume);
            #[allow(unused_labels)]
            let returned: &'static str = 'a_yield_must_be_directly_in_the_generator_body: {
                {
                    for i in (1..=from).rev() {
                        {
                            if false {
                                loop {
                                    break 'a_yield_must_be_directly_in_the_generator_body ::agen::__private::dead();
                                }
                            }
                            match (i) {
                                __agen_yielded => {
                                    let __agen_yielded: u32 = __agen_yielded;
                                    yielder.yield_(__agen_yielded).await
                                }
                            }
                        };
                    }
                    "liftoff"
                }
            };
            returned
        }),
    )
}
fn main() {}
