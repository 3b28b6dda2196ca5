fn words(
    text: &str,
) -> ::agen::__private::core::pin::Pin<
    ::agen::__private::Box<dyn ::agen::__private::PinIterator<Item = &str> + '_>,
> {
    ::agen::__private::Box::pin(
        ::agen::__private::Generator::new(move |
            token: ::agen::__private::YieldToken<&str>|
        async move {
            let brand = ::agen::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut yielder = unsafe { ::agen::__private::Yielder::new(token, &brand) };
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
                        if false {
                            loop {
                                break 'a_yield_must_be_directly_in_the_generator_body;
                            }
                        }
                        match (word) {
                            __agen_yielded => {
                                let __agen_yielded: &str = __agen_yielded;
                                yielder.yield_(__agen_yielded).await
                            }
                        }
                    };
                }
            };
        }),
    )
}
fn main() {}
