fn three() -> impl agen::Coroutine<(), Yield = u8, Return = ()> {
    ::agen::__private::Co::<
        u8,
        (),
        _,
        _,
    >::new(move |token: ::agen::__private::CoYieldToken<u8, ()>, first_resume: ()| async move {
        let brand = ::agen::__private::Brand::new();
        #[allow(unused_mut, unused_variables)]
        let mut yielder = unsafe { ::agen::__private::CoYielder::new(token, &brand) };
        <() as ::agen::__private::UnnamedFirstResume>::discard(first_resume);
        #[allow(unused_labels)]
        let returned: () = 'a_yield_must_be_directly_in_the_generator_body: {
            {
                {
                    if false {
                        loop {
                            break 'a_yield_must_be_directly_in_the_generator_body ::agen::__private::dead();
                        }
                    }
                    match (1) {
                        __agen_yielded => {
                            let __agen_yielded: u8 = __agen_yielded;
                            yielder.yield_(__agen_yielded).await
                        }
                    }
                };
                {
                    if false {
                        loop {
                            break 'a_yield_must_be_directly_in_the_generator_body ::agen::__private::dead();
                        }
                    }
                    match (2) {
                        __agen_yielded => {
                            let __agen_yielded: u8 = __agen_yielded;
                            yielder.yield_(__agen_yielded).await
                        }
                    }
                };
                {
                    if false {
                        loop {
                            break 'a_yield_must_be_directly_in_the_generator_body ::agen::__private::dead();
                        }
                    }
                    match (3) {
                        __agen_yielded => {
                            let __agen_yielded: u8 = __agen_yielded;
                            yielder.yield_(__agen_yielded).await
                        }
                    }
                };
            }
        };
        returned
    })
}
fn main() {}
