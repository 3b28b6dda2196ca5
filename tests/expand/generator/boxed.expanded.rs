fn tree(
    depth: u32,
) -> ::yieldkit::__private::core::pin::Pin<
    ::yieldkit::__private::Box<
        dyn ::yieldkit::__private::PinIterator<
            Item = u32,
        > + ::yieldkit::__private::core::marker::Send,
    >,
> {
    #[allow(unused_imports)]
    use ::yieldkit::__private as __yieldkit_private;
    #[deny(elided_lifetimes_in_paths)]
    let _: __yieldkit_private::core::marker::PhantomData<(u32,)>;
    __yieldkit_private::Box::pin(
        ::yieldkit::__private::Generator::new(move |
            token: ::yieldkit::__private::YieldToken<u32>|
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
            let depth = depth;
            #[allow(unused_labels)]
            let () = 'a_yield_must_be_directly_in_the_generator_body: {
                {
                    {
                        match (depth) {
                            __yieldkit_yielded => {
                                if false {
                                    loop {
                                        break 'a_yield_must_be_directly_in_the_generator_body;
                                    }
                                }
                                let __yieldkit_yielded: u32 = __yieldkit_yielded;
                                yielder.yield_(__yieldkit_yielded).await
                            }
                        }
                    };
                    if depth > 0 {
                        {
                            {
                                #[allow(unused_imports)]
                                use __yieldkit_private::{ProbeCloses as _, ProbeDrops as _};
                                let mut iter = __yieldkit_private::YieldFromIter::into_owned_iter(
                                    tree(depth - 1),
                                );
                                let __yieldkit_kind_1 = (&__yieldkit_private::Probe::of(
                                    &iter.iter,
                                ))
                                    .__yieldkit_close_kind();
                                {
                                    let __yieldkit_value = {
                                        while let __yieldkit_private::core::option::Option::Some(
                                            item,
                                        ) = iter.next_item()
                                        {
                                            let item = item;
                                            {
                                                match (item) {
                                                    __yieldkit_yielded => {
                                                        if false {
                                                            loop {
                                                                break 'a_yield_must_be_directly_in_the_generator_body;
                                                            }
                                                        }
                                                        let __yieldkit_yielded: u32 = __yieldkit_yielded;
                                                        yielder.yield_(__yieldkit_yielded).await
                                                    }
                                                }
                                            };
                                        }
                                    };
                                    if true {
                                        __yieldkit_kind_1.close(&mut iter.iter);
                                    }
                                    __yieldkit_value
                                }
                            }
                        };
                    }
                }
            };
        }),
    )
}
fn main() {}
