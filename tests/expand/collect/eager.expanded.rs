use std::collections::HashMap;
fn main() {
    let xs = ::alloc::boxed::box_assume_init_into_vec_unsafe(
        ::alloc::intrinsics::write_box_via_move(
            ::alloc::boxed::Box::new_uninit(),
            [1u32, 2, 3, 4],
        ),
    );
    let _: Vec<u32> = {
        #[allow(unused_imports)]
        use ::agen::__private as __agen_private;
        {
            let mut __agen_out = __agen_private::Vec::new();
            for x in &xs {
                if x % 2 == 0 {
                    __agen_out.push(x * x);
                }
            }
            __agen_private::from_vec(__agen_out)
        }
    };
    let _: HashMap<u32, u32> = {
        #[allow(unused_imports)]
        use ::agen::__private as __agen_private;
        {
            let mut __agen_out = __agen_private::Vec::new();
            for &x in &xs {
                let y = x + 1;
                if y > 2 {
                    __agen_out.push((x, x * 10));
                }
            }
            __agen_private::from_vec(__agen_out)
        }
    };
}
