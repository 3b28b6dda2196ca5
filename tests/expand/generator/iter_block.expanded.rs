fn main() {
    let _ = {
        #[allow(unused_imports)]
        use ::agen::__private as __agen_private;
        {
            __agen_private::Box::pin(
                ::agen::__private::Generator::new(move |
                    token: ::agen::__private::YieldToken<_>|
                async move {
                    let brand = ::agen::__private::Brand::new();
                    #[allow(unused_mut, unused_variables)]
                    let mut yielder = unsafe {
                        ::agen::__private::Yielder::new(token, &brand)
                    };
                    #[allow(unused_labels)]
                    let () = 'a_yield_must_be_directly_in_the_generator_body: {
                        for i in 1..=3u32 {
                            ({
                                if false {
                                    loop {
                                        break 'a_yield_must_be_directly_in_the_generator_body;
                                    }
                                }
                                match (i * i) {
                                    __agen_yielded => yielder.yield_(__agen_yielded).await,
                                }
                            });
                        }
                    };
                }),
            )
        }
    };
}
