#[allow(refining_impl_trait)]
fn fib() -> impl ::agen::__private::core::iter::FusedIterator<Item = u64> {
    ::agen::__private::Box::pin(
        ::agen::__private::Generator::new(move |
            token: ::agen::__private::YieldToken<u64>|
        async move {
            let brand = ::agen::__private::Brand::new();
            #[allow(unused_mut, unused_variables)]
            let mut yielder = unsafe { ::agen::__private::Yielder::new(token, &brand) };
            #[allow(unused_labels)]
            let () = 'a_yield_must_be_directly_in_the_generator_body: {
                {
                    let (mut a, mut b) = (0, 1);
                    loop {
                        {
                            if false {
                                loop {
                                    break 'a_yield_must_be_directly_in_the_generator_body;
                                }
                            }
                            match (a) {
                                __agen_yielded => {
                                    let __agen_yielded: u64 = __agen_yielded;
                                    yielder.yield_(__agen_yielded).await
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
