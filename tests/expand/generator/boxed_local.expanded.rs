fn words(
    text: &str,
) -> ::yieldkit::__private::core::pin::Pin<
    ::yieldkit::__private::Box<dyn ::yieldkit::__private::PinIterator<Item = &str> + '_>,
> {
    #[allow(unused_imports)]
    use ::yieldkit::__private as __yieldkit_private;
    __yieldkit_private::Box::pin(
        ::yieldkit::__private::Generator::new(move |
            token: ::yieldkit::__private::YieldToken<&str>|
        async move {
            let brand = ::yieldkit::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut yielder = unsafe {
                ::yieldkit::__private::Yielder::new(token, &brand)
            };
            #[allow(
                clippy::used_underscore_binding,
                clippy::no_effect_underscore_binding,
                clippy::redundant_locals
            )]
            let text = text;
            #[allow(unused_labels)]
            let () = 'a_yield_must_be_directly_in_the_generator_body: {
                for word in text.split_whitespace() {
                    {
                        match (word) {
                            __yieldkit_yielded => {
                                if false {
                                    loop {
                                        break 'a_yield_must_be_directly_in_the_generator_body;
                                    }
                                }
                                let __yieldkit_yielded: &str = __yieldkit_yielded;
                                yielder.yield_(__yieldkit_yielded).await
                            }
                        }
                    };
                }
            };
        }),
    )
}
fn main() {}
