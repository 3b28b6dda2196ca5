fn main() {
    let _ = {
        #[allow(unused_imports)]
        use ::yieldkit::__private as __yieldkit_private;
        {
            __yieldkit_private::Box::pin(
                ::yieldkit::__private::Generator::new(move |
                    token: ::yieldkit::__private::YieldToken<_>|
                async move {
                    let brand = ::yieldkit::__private::Brand::new();
                    #[allow(unused_mut, unused_variables)]
                    let mut yielder = unsafe {
                        ::yieldkit::__private::Yielder::new(token, &brand)
                    };
                    #[allow(unused_labels)]
                    let () = 'a_yield_must_be_directly_in_the_generator_body: {
                        for i in 1..=3u32 {
                            (match (i * i) {
                                __yieldkit_yielded => {
                                    if false {
                                        loop {
                                            break 'a_yield_must_be_directly_in_the_generator_body;
                                        }
                                    }
                                    yielder.yield_(__yieldkit_yielded).await
                                }
                            });
                        }
                    };
                }),
            )
        }
    };
}
