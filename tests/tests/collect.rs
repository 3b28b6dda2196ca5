//! `collect!`: async comprehensions (PEP 530) and their Rust-native options.
//!
//! The `issue_examples` module runs every example of the feature's issue with real
//! data; the other modules pin down the semantics around them.

use std::cell::Cell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use futures::StreamExt;
use futures_core::Stream;
use yieldkit::{async_gen, block_on, collect};

#[async_gen]
async fn ticks(n: u32) -> u32 {
    for i in 0..n {
        tokio::task::yield_now().await;
        yield_!(i);
    }
}

async fn is_even(x: u32) -> bool {
    tokio::task::yield_now().await;
    x % 2 == 0
}

mod issue_examples {
    use super::*;

    #[tokio::test]
    async fn filter_with_an_awaited_condition() {
        let v: Vec<u32> = collect![x * 2 for await x in ticks(7) if is_even(x).await];
        assert_eq!(v, [0, 4, 8, 12]);
    }

    struct Post {
        tags: Vec<String>,
    }

    #[async_gen]
    async fn feed() -> Post {
        for tags in [&["Rust", "async"][..], &["rust", "Python"], &[]] {
            tokio::task::yield_now().await;
            yield_!(Post {
                tags: tags.iter().map(|t| t.to_string()).collect(),
            });
        }
    }

    #[tokio::test]
    async fn set_from_a_stream_then_an_iterable() {
        let tags: HashSet<String> =
            collect![t.to_lowercase() for await post in feed() for t in post.tags];
        let expected: HashSet<String> = ["rust", "async", "python"].map(String::from).into();
        assert_eq!(tags, expected);
    }

    struct Entry {
        name: String,
        path: String,
    }

    #[derive(Debug, PartialEq)]
    struct NotFound(String);

    async fn len(path: &str) -> Result<usize, NotFound> {
        tokio::task::yield_now().await;
        match path.strip_prefix("/files/") {
            Some(rest) => Ok(rest.len()),
            None => Err(NotFound(path.to_owned())),
        }
    }

    #[allow(clippy::needless_borrow, reason = "the issue's example, verbatim")]
    async fn sizes(entries: Vec<Entry>) -> Result<HashMap<String, usize>, NotFound> {
        let sizes: HashMap<_, _> =
            collect![name.clone() => len(&path).await? for Entry { name, path } in &entries];
        Ok(sizes)
    }

    #[tokio::test]
    async fn map_with_question_mark_on_the_enclosing_fn() {
        let entry = |name: &str, path: &str| Entry {
            name: name.into(),
            path: path.into(),
        };
        let ok = vec![entry("a", "/files/abc"), entry("b", "/files/z")];
        let expected = HashMap::from([("a".to_owned(), 3), ("b".to_owned(), 1)]);
        assert_eq!(sizes(ok).await, Ok(expected));
        let bad = vec![entry("a", "/files/abc"), entry("b", "/tmp/z")];
        assert_eq!(sizes(bad).await, Err(NotFound("/tmp/z".into())));
    }

    struct User {
        id: u32,
    }

    #[derive(Clone, Debug, PartialEq)]
    struct Message {
        text: &'static str,
        read: bool,
    }

    fn inbox(user: &User) -> impl Stream<Item = Message> + '_ {
        yieldkit::stream! {
            for (i, text) in ["hi", "ping", "bye"].into_iter().enumerate() {
                tokio::task::yield_now().await;
                yield Message { text, read: (i as u32 + user.id) % 2 == 0 };
            }
        }
    }

    fn unread(pairs: Vec<(u32, Message)>) -> Vec<(u32, &'static str)> {
        pairs.into_iter().map(|(id, m)| (id, m.text)).collect()
    }

    #[tokio::test]
    async fn iterable_then_stream_depending_on_it() {
        let users = [User { id: 1 }, User { id: 2 }];
        let pairs = collect![(u.id, m) for u in &users for await m in inbox(u) if !m.read];
        assert_eq!(unread(pairs), [(1, "hi"), (1, "bye"), (2, "ping")]);
    }

    #[test]
    fn sync_walrus_and_if_let() {
        let text = "1\n  \n 22 \nx\n333";
        let nums: Vec<u32> = collect![n for line in text.lines() let t = line.trim() if !t.is_empty() if let Ok(n) = t.parse::<u32>()];
        assert_eq!(nums, [1, 22, 333]);
    }

    #[test]
    fn lazy_iterator_over_an_open_range() {
        let squares = collect![x * x for x in 1.. if x % 3 == 0; iter];
        let first: Vec<u64> = squares.take(3).collect();
        assert_eq!(first, [9, 36, 81]);
    }

    struct Response {
        status: u16,
        ok: bool,
    }

    #[async_gen]
    async fn responses() -> Response {
        for status in [200, 404, 204, 500] {
            tokio::task::yield_now().await;
            yield_!(Response {
                status,
                ok: status < 400,
            });
        }
    }

    #[tokio::test]
    async fn lazy_stream() {
        let statuses = collect![r.status for await r in responses() if r.ok; stream];
        let statuses: Vec<u16> = statuses.collect().await;
        assert_eq!(statuses, [200, 204]);
    }

    #[derive(Debug, PartialEq)]
    struct Profile {
        id: u32,
    }

    #[derive(Debug, PartialEq)]
    struct NoSuchUser(u32);

    async fn get_user(id: u32) -> Result<Profile, NoSuchUser> {
        tokio::task::yield_now().await;
        if id < 100 {
            Ok(Profile { id })
        } else {
            Err(NoSuchUser(id))
        }
    }

    #[tokio::test]
    async fn try_collects_results() {
        let ids = vec![1, 2, 3];
        let users: Result<Vec<Profile>, NoSuchUser> =
            collect![get_user(id).await for id in ids; try];
        assert_eq!(
            users,
            Ok(vec![
                Profile { id: 1 },
                Profile { id: 2 },
                Profile { id: 3 }
            ])
        );
        let ids = vec![1, 200, 3, 300];
        let users: Result<Vec<Profile>, NoSuchUser> =
            collect![get_user(id).await for id in ids; try];
        assert_eq!(users, Err(NoSuchUser(200)));
    }

    #[derive(Debug, PartialEq)]
    struct Page(String);

    async fn fetch(url: &str) -> Result<Page, String> {
        tokio::task::yield_now().await;
        if url.starts_with("https://") {
            Ok(Page(url.to_uppercase()))
        } else {
            Err(format!("refused {url}"))
        }
    }

    #[tokio::test]
    async fn buffer_unordered_with_try() {
        let urls: Vec<String> = (0..40)
            .map(|i| format!("https://example.org/{i}"))
            .collect();
        let pages: Result<Vec<Page>, String> =
            collect![fetch(u).await for u in &urls; buffer_unordered(16), try];
        let mut pages = pages.unwrap();
        pages.sort_by(|a, b| a.0.cmp(&b.0));
        let mut expected: Vec<Page> = urls.iter().map(|u| Page(u.to_uppercase())).collect();
        expected.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(pages, expected);
        // The environment (`urls`) was only borrowed.
        assert_eq!(urls.len(), 40);
    }
}

mod concurrency {
    use super::*;

    /// Counts the element futures running at once.
    #[derive(Default)]
    struct Gauge {
        now: AtomicUsize,
        max: AtomicUsize,
        started: AtomicUsize,
    }

    impl Gauge {
        fn enter(&self) -> GaugeGuard<'_> {
            self.started.fetch_add(1, Ordering::SeqCst);
            let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
            self.max.fetch_max(now, Ordering::SeqCst);
            GaugeGuard(self)
        }
    }

    struct GaugeGuard<'a>(&'a Gauge);

    impl Drop for GaugeGuard<'_> {
        fn drop(&mut self) {
            self.0.now.fetch_sub(1, Ordering::SeqCst);
        }
    }

    #[tokio::test]
    async fn buffer_unordered_really_overlaps() {
        let gauge = Gauge::default();
        // Each element waits at a barrier for 4 others: the comprehension can only
        // finish if 4 elements are in flight at once.
        let barrier = tokio::sync::Barrier::new(4);
        let ids: Vec<u32> = (0..12).collect();
        let out: Vec<u32> = collect![
            {
                let _guard = gauge.enter();
                barrier.wait().await;
                id * 10
            }
            for id in &ids;
            buffer_unordered(4)
        ];
        assert_eq!(
            gauge.max.load(Ordering::SeqCst),
            4,
            "at most 4 in flight, and 4 reached"
        );
        let mut sorted = out.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..12).map(|i| i * 10).collect::<Vec<_>>());
    }

    #[tokio::test]
    async fn buffered_keeps_source_order_and_unordered_does_not() {
        // Element 0 finishes only after element 1 has run.
        let order = |ordered: bool| async move {
            let (tx, rx) = tokio::sync::oneshot::channel::<()>();
            let tx = std::sync::Mutex::new(Some(tx));
            let rx = tokio::sync::Mutex::new(Some(rx));
            let wait_or_release = async |i: u32| {
                if i == 0 {
                    let rx = rx.lock().await.take().unwrap();
                    rx.await.unwrap();
                } else {
                    let tx = tx.lock().unwrap().take();
                    if let Some(tx) = tx {
                        tx.send(()).unwrap();
                    }
                }
                i
            };
            let v: Vec<u32> = if ordered {
                collect![wait_or_release(i).await for i in 0..3; buffered(2)]
            } else {
                collect![wait_or_release(i).await for i in 0..3; buffer_unordered(2)]
            };
            v
        };
        assert_eq!(order(true).await, [0, 1, 2]);
        assert_eq!(order(false).await, [1, 0, 2]);
    }

    #[tokio::test]
    async fn first_err_drops_the_futures_in_flight() {
        let gauge = Gauge::default();
        let result: Result<Vec<u32>, u32> = collect![
            {
                let _guard = gauge.enter();
                if id == 3 {
                    Err(id)
                } else {
                    // Never finishes: only the error can end the comprehension.
                    std::future::pending::<()>().await;
                    Ok(id)
                }
            }
            for id in 0..100;
            buffer_unordered(8), try
        ];
        assert_eq!(result, Err(3));
        assert_eq!(
            gauge.now.load(Ordering::SeqCst),
            0,
            "in-flight futures were dropped"
        );
        let started = gauge.started.load(Ordering::SeqCst);
        assert!(
            (4..=8).contains(&started),
            "started {started}: none past the limit"
        );
    }

    #[tokio::test]
    async fn buffered_over_a_stream_with_awaited_filters() {
        let gauge = Gauge::default();
        let mut v: Vec<u32> = collect![
            {
                let _guard = gauge.enter();
                tokio::task::yield_now().await;
                x + 100
            }
            for await x in ticks(10)
            if is_even(x).await;
            buffer_unordered(2)
        ];
        v.sort_unstable();
        assert_eq!(v, [100, 102, 104, 106, 108]);
        assert!(gauge.max.load(Ordering::SeqCst) <= 2);
    }

    #[test]
    fn buffered_future_is_send() {
        let rt = tokio::runtime::Runtime::new().unwrap();
        let words = vec!["a".to_owned(), "bb".to_owned(), "ccc".to_owned()];
        let total = rt.block_on(async move {
            tokio::spawn(async move {
                let lens: Vec<usize> = collect![
                    { tokio::task::yield_now().await; w.len() }
                    for w in &words;
                    buffered(2)
                ];
                lens
            })
            .await
            .unwrap()
        });
        assert_eq!(total, [1, 2, 3]);
    }

    #[tokio::test]
    async fn lazy_buffered_stream() {
        let doubled = collect![
            { tokio::task::yield_now().await; x * 2 }
            for await x in ticks(5);
            stream, buffered(3)
        ];
        let v: Vec<u32> = doubled.collect().await;
        assert_eq!(v, [0, 2, 4, 6, 8]);
    }

    #[tokio::test]
    async fn lazy_buffered_try_stream_ends_at_the_first_err() {
        let results = collect![
            if x == 2 { Err(x) } else { Ok(x) }
            for await x in ticks(5);
            stream, buffered(2), try
        ];
        let v: Vec<Result<u32, u32>> = results.collect().await;
        assert_eq!(v, [Ok(0), Ok(1), Err(2)]);
    }
}

mod try_option {
    use super::*;

    /// A stream that counts how many items were pulled from it.
    fn counted(pulled: &Cell<u32>) -> impl Stream<Item = u32> + '_ {
        yieldkit::stream! {
            for i in 0..10 {
                pulled.set(pulled.get() + 1);
                yield i;
            }
        }
    }

    #[test]
    fn try_stops_pulling_after_the_first_err() {
        let pulled = Cell::new(0);
        let result: Result<Vec<u32>, String> = block_on(async {
            collect![if x < 3 { Ok(x) } else { Err(format!("bad {x}")) } for await x in counted(&pulled); try]
        });
        assert_eq!(result, Err("bad 3".to_owned()));
        assert_eq!(pulled.get(), 4, "nothing pulled after the first `Err`");
    }

    #[test]
    fn try_ok_collects_into_any_from_iterator() {
        let parsed: Result<BTreeMap<u32, String>, std::num::ParseIntError> =
            collect![s.parse::<u32>().map(|n| (n, s.to_owned())) for s in ["3", "1", "2"]; try];
        assert_eq!(parsed.unwrap().into_keys().collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[test]
    fn try_with_key_value_pairs_checks_the_value() {
        let ok: Result<HashMap<&str, u8>, std::num::ParseIntError> =
            collect![s => s.parse::<u8>() for s in ["1", "22"]; try];
        assert_eq!(ok.unwrap()["22"], 22);
        let bad: Result<HashMap<&str, u8>, std::num::ParseIntError> =
            collect![s => s.parse::<u8>() for s in ["1", "x"]; try];
        assert!(bad.is_err());
    }

    #[tokio::test]
    async fn lazy_try_stream_ends_after_the_err() {
        let s =
            collect![if x == 1 { Err("one") } else { Ok(x) } for await x in ticks(4); stream, try];
        let v: Vec<Result<u32, &str>> = s.collect().await;
        assert_eq!(v, [Ok(0), Err("one")]);
    }
}

mod targets_and_clauses {
    use super::*;

    #[test]
    fn collection_types_from_context() {
        let words = ["apple", "bob", "apple"];
        let set: HashSet<&str> = collect![w for w in words];
        assert_eq!(set.len(), 2);
        let map: BTreeMap<&str, usize> = collect![w => w.len() for w in words];
        assert_eq!(map, BTreeMap::from([("apple", 5), ("bob", 3)]));
        let tuples: HashMap<usize, &str> = collect![(w.len(), w) for w in words];
        assert_eq!(tuples[&3], "bob");
        let s: String =
            collect![c.to_ascii_uppercase() for w in words if w.len() == 3 for c in w.chars()];
        assert_eq!(s, "BOB");
        let boxed: Box<[u8]> = collect![b for w in words for b in w.bytes() if b == b'p'];
        assert_eq!(&*boxed, b"pppp");
    }

    #[test]
    fn leftmost_clause_is_outermost() {
        let pairs: Vec<(u8, char)> = collect![(i, c) for i in 0..2 for c in ['a', 'b']];
        assert_eq!(pairs, [(0, 'a'), (0, 'b'), (1, 'a'), (1, 'b')]);
    }

    #[test]
    fn open_range_before_if() {
        let mut firsts = Vec::new();
        for i in 0.. {
            if i > 20 {
                break;
            }
            firsts.push(i);
        }
        let v: Vec<u32> = collect![i for i in firsts.iter().copied() if i % 7 == 0];
        assert_eq!(v, [0, 7, 14]);
        // An open range parses; `return` in the element ends the enclosing function.
        fn first_multiple(of: u32) -> u32 {
            let _: Vec<u32> =
                collect![if i > 0 { return i } else { i } for i in 0.. if i % of == 0];
            unreachable!("the range is open")
        }
        assert_eq!(first_multiple(7), 7);
    }

    #[test]
    fn typed_targets_and_let_chains() {
        let v: Vec<u64> = collect![u64::from(x) * 2 for x: u8 in [1, 2, 3]];
        assert_eq!(v, [2, 4, 6]);
        let pairs = [(Some(1), Some(2)), (Some(3), None), (None, Some(5))];
        let sums: Vec<i32> = collect![a + b for p in pairs if let (Some(a), Some(b)) = p && a < b];
        assert_eq!(sums, [3]);
    }

    #[test]
    fn sync_code_without_await() {
        let grid: Vec<Vec<u32>> = collect![collect![r * 3 + c for c in 0..3] for r in 0..2];
        assert_eq!(grid, [[0, 1, 2], [3, 4, 5]]);
    }

    #[test]
    fn environment_is_borrowed_by_the_eager_form() {
        let names = vec!["x".to_owned(), "yy".to_owned()];
        let suffix = String::from("!");
        let v: Vec<String> = block_on(async {
            collect![format!("{n}{suffix}") for await n in futures::stream::iter(&names)]
        });
        assert_eq!(v, ["x!", "yy!"]);
        assert_eq!(suffix, "!");
        assert_eq!(names.len(), 2);
    }

    #[tokio::test]
    async fn mixed_clauses_any_order() {
        let counter = Arc::new(AtomicUsize::new(0));
        let v: Vec<(u32, u32)> = collect![
            (x, y)
            for await x in ticks(4)
            if x % 2 == 1
            let limit = x + 2
            for y in x..limit
            if is_even(y).await || { counter.fetch_add(1, Ordering::SeqCst); false }
        ];
        assert_eq!(v, [(1, 2), (3, 4)]);
        assert_eq!(counter.load(Ordering::SeqCst), 2);
    }
}

/// Expansions use absolute paths only: a local `core` module changes nothing.
mod shadowed_core {
    #[allow(dead_code, reason = "only shadows the `core` crate")]
    mod core {}

    use yieldkit::{block_on, collect};

    #[test]
    fn every_form_expands_with_core_shadowed() {
        let v: Vec<u8> = collect![x for x in [1, 2] if x > 1];
        assert_eq!(v, [2]);
        let r: Result<Vec<u8>, ()> = collect![Ok(x) for x in [1, 2]; try];
        assert_eq!(r, Ok(vec![1, 2]));
        let w: Vec<u8> = block_on(async {
            collect![x for await x in futures::stream::iter([3u8]); buffered(1)]
        });
        assert_eq!(w, [3]);
        let lazy: Vec<u8> = collect![x for x in [4u8]; iter].collect();
        assert_eq!(lazy, [4]);
    }
}
