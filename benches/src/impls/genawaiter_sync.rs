//! genawaiter's sync generators (`rc::Gen` as an `Iterator`) for S1 / S3.

use genawaiter::rc::Gen;

pub fn s1<const M: u8>(n: u64) -> impl Iterator<Item = u64> {
    Gen::new(move |co| async move {
        for i in 0..n {
            co.yield_(i).await;
        }
    })
    .into_iter()
}

pub fn s3<const M: u8>(rows: u64) -> impl Iterator<Item = u64> {
    Gen::new(move |co| async move {
        for i in 0..rows {
            for j in 0..1000 {
                if (i ^ j) & 1 == 0 {
                    co.yield_(i * j).await;
                }
            }
        }
    })
    .into_iter()
}
