struct Store {
    items: Vec<String>,
}
impl Store {
    fn names(
        &self,
        prefix: &str,
    ) -> impl ::yieldkit::__private::FusedStream<
        Item = String,
    > + ::yieldkit::__private::AsyncClose {
        #[allow(unused_imports)]
        use ::yieldkit::__private as __yieldkit_private;
        ::yieldkit::__private::AsyncGen::new(move |
            token: ::yieldkit::__private::YieldToken<String>|
        async move {
            let brand = ::yieldkit::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut yielder = unsafe {
                ::yieldkit::__private::Yielder::new(token, &brand)
            };
            let _ = &self;
            #[allow(
                clippy::used_underscore_binding,
                clippy::no_effect_underscore_binding,
                clippy::redundant_locals
            )]
            let prefix = prefix;
            #[allow(unused_labels)]
            let () = 'a_yield_must_be_directly_in_the_generator_body: {
                for item in &self.items {
                    {
                        match (::alloc::__export::must_use({
                            ::alloc::fmt::format(format_args!("{0}{1}", prefix, item))
                        })) {
                            __yieldkit_yielded => {
                                if false {
                                    loop {
                                        break 'a_yield_must_be_directly_in_the_generator_body;
                                    }
                                }
                                let __yieldkit_yielded: String = __yieldkit_yielded;
                                yielder.yield_(__yieldkit_yielded).await
                            }
                        }
                    };
                }
            };
        })
    }
}
fn main() {}
