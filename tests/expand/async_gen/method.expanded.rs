struct Store {
    items: Vec<String>,
}
impl Store {
    fn names(&self, prefix: &str) -> impl ::agen::__private::FusedStream<Item = String> {
        ::agen::__private::AsyncGen::new(move |
            token: ::agen::__private::YieldToken<String>|
        async move {
            let brand = ::agen::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut yielder = unsafe { ::agen::__private::Yielder::new(token, &brand) };
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
                        if false {
                            loop {
                                break 'a_yield_must_be_directly_in_the_generator_body;
                            }
                        }
                        match (::alloc::__export::must_use({
                            ::alloc::fmt::format(format_args!("{0}{1}", prefix, item))
                        })) {
                            __agen_yielded => {
                                let __agen_yielded: String = __agen_yielded;
                                yielder.yield_(__agen_yielded).await
                            }
                        }
                    };
                }
            };
        })
    }
}
fn main() {}
