fn evens(
    below: u32,
) -> ::agen::__private::Generator<u32, impl ::agen::__private::GenBody<u32>> {
    ::agen::__private::Generator::new(move |token: ::agen::__private::YieldToken<u32>| async move {
        let brand = ::agen::__private::Brand::new();
        #[allow(unused_mut, unused_variables)]
        let mut yielder = unsafe { ::agen::__private::Yielder::new(token, &brand) };
        #[allow(
            clippy::used_underscore_binding,
            clippy::no_effect_underscore_binding,
            clippy::redundant_locals
        )]
        let below = below;
        #[allow(unused_labels)]
        let () = 'a_yield_must_be_directly_in_the_generator_body: {
            for i in (0..below).step_by(2) {
                {
                    if false {
                        loop {
                            break 'a_yield_must_be_directly_in_the_generator_body;
                        }
                    }
                    match (i) {
                        __agen_yielded => {
                            let __agen_yielded: u32 = __agen_yielded;
                            yielder.yield_(__agen_yielded).await
                        }
                    }
                };
            }
        };
    })
}
fn main() {}
