fn three() -> impl yieldkit::Coroutine<(), Yield = u8, Return = ()> {
    #[allow(unused_imports)]
    use ::yieldkit::__private as __yieldkit_private;
    ::yieldkit::__private::Co::<
        u8,
        (),
        _,
        _,
    >::new(move |token: ::yieldkit::__private::CoYieldToken<u8, ()>, first_resume: ()| {
        async move {
            let brand = ::yieldkit::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut yielder = unsafe {
                ::yieldkit::__private::CoYielder::new(token, &brand)
            };
            <() as __yieldkit_private::UnnamedFirstResume>::discard(first_resume);
            #[allow(unused_labels)]
            let returned: () = 'a_yield_must_be_directly_in_the_generator_body: {
                {
                    {
                        match (1) {
                            __yieldkit_yielded => {
                                if false {
                                    loop {
                                        break 'a_yield_must_be_directly_in_the_generator_body __yieldkit_private::dead();
                                    }
                                }
                                let __yieldkit_yielded: u8 = __yieldkit_yielded;
                                yielder.yield_(__yieldkit_yielded).await
                            }
                        }
                    };
                    {
                        match (2) {
                            __yieldkit_yielded => {
                                if false {
                                    loop {
                                        break 'a_yield_must_be_directly_in_the_generator_body __yieldkit_private::dead();
                                    }
                                }
                                let __yieldkit_yielded: u8 = __yieldkit_yielded;
                                yielder.yield_(__yieldkit_yielded).await
                            }
                        }
                    };
                    {
                        match (3) {
                            __yieldkit_yielded => {
                                if false {
                                    loop {
                                        break 'a_yield_must_be_directly_in_the_generator_body __yieldkit_private::dead();
                                    }
                                }
                                let __yieldkit_yielded: u8 = __yieldkit_yielded;
                                yielder.yield_(__yieldkit_yielded).await
                            }
                        }
                    };
                }
            };
            returned
        }
    })
}
fn main() {}
