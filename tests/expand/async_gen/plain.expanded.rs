fn countdown(from: u32) -> impl ::agen::__private::FusedStream<Item = u32> {
    ::agen::__private::AsyncGen::new(move |token: ::agen::__private::YieldToken<u32>| async move {
        let brand = ::agen::__private::Brand::new();
        #[allow(unused_mut, unused_variables)]
        let mut yielder = unsafe { ::agen::__private::Yielder::new(token, &brand) };
        #[allow(
            clippy::used_underscore_binding,
            clippy::no_effect_underscore_binding,
            clippy::redundant_locals
        )]
        let from = from;
        #[allow(unused_labels)]
        let () = 'a_yield_must_be_directly_in_the_generator_body: {
            for i in (1..=from).rev() {
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
