fn tree(
    depth: u32,
) -> ::agen::__private::core::pin::Pin<
    ::agen::__private::Box<
        dyn ::agen::__private::PinIterator<
            Item = u32,
        > + ::agen::__private::core::marker::Send,
    >,
> {
    #[deny(elided_lifetimes_in_paths)]
    let _: ::agen::__private::core::marker::PhantomData<(u32,)>;
    ::agen::__private::Box::pin(
        ::agen::__private::Generator::new(move |
            token: ::agen::__private::YieldToken<u32>|
        async move {
            let brand = ::agen::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut yielder = unsafe { ::agen::__private::Yielder::new(token, &brand) };
            #[allow(
                clippy::used_underscore_binding,
                clippy::no_effect_underscore_binding,
                clippy::redundant_locals
            )]
            let depth = depth;
            #[allow(unused_labels)]
            let () = 'a_yield_must_be_directly_in_the_generator_body: {
                {
                    {
                        if false {
                            loop {
                                break 'a_yield_must_be_directly_in_the_generator_body;
                            }
                        }
                        match (depth) {
                            __agen_yielded => {
                                let __agen_yielded: u32 = __agen_yielded;
                                yielder.yield_(__agen_yielded).await
                            }
                        }
                    };
                    if depth > 0 {
                        for item in tree(depth - 1) {
                            {
                                if false {
                                    loop {
                                        break 'a_yield_must_be_directly_in_the_generator_body;
                                    }
                                }
                                match (item) {
                                    __agen_yielded => {
                                        let __agen_yielded: u32 = __agen_yielded;
                                        yielder.yield_(__agen_yielded).await
                                    }
                                }
                            };
                        }
                    }
                }
            };
        }),
    )
}
fn main() {}
