#[allow(refining_impl_trait)]
fn fib() -> impl ::yieldkit::__private::core::iter::FusedIterator<
    Item = u64,
> + ::yieldkit::__private::Close {
    #[allow(unused_imports)]
    use ::yieldkit::__private as __yieldkit_private;
    __yieldkit_private::Box::pin(
        ::yieldkit::__private::Generator::new(move |
            token: ::yieldkit::__private::YieldToken<u64>|
        async move {
            let brand = ::yieldkit::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut yielder = unsafe {
                ::yieldkit::__private::Yielder::new(token, &brand)
            };
            #[allow(unused_labels)]
            let () = 'a_yield_must_be_directly_in_the_generator_body: {
                {
                    let (mut a, mut b) = (0, 1);
                    loop {
                        {
                            match (a) {
                                __yieldkit_yielded => {
                                    if false {
                                        loop {
                                            break 'a_yield_must_be_directly_in_the_generator_body;
                                        }
                                    }
                                    let __yieldkit_yielded: u64 = __yieldkit_yielded;
                                    yielder.yield_(__yieldkit_yielded).await
                                }
                            }
                        };
                        (a, b) = (b, a + b);
                    }
                }
            };
        }),
    )
}
fn main() {}
