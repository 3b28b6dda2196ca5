//! What the generated programs use: the event [`Log`], drop [`Guard`]s, the
//! [`pending_once`] future, the helpers the bodies call, and the harness that runs
//! every form of every case against its reference and compares the logs.

use core::cell::{Cell, RefCell};
use core::fmt::{self, Write as _};
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll, Waker};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::Wake;

use yieldkit::{AsyncClose, AsyncCoroutine, ClosableStream, Close, Coroutine, CoroutineState};

/// The item type of every generated generator.
pub type Res = Result<i64, i64>;

/// The return type of the generated coroutines, and of the reference's body: `?`
/// returns its error, which the consumer logs as the last item.
pub type CoRet = Result<(), i64>;

/// One observable event of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// The consumer received an item (or the reference yielded one).
    Item(Res),
    /// A drop guard was dropped.
    Drop(u32),
    /// A `defer!` block ran (the reference: its stand-in was dropped), with the value
    /// it read.
    Deferred(u32, i64),
}

/// How a consumer stops early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// It drops the generator: no deferred code runs.
    Drop,
    /// It closes the generator (`aclose`, `close`), then drops it.
    Close,
}

/// The events of one run, in order; and, for the reference, where to stop.
#[derive(Debug)]
pub struct Log {
    events: RefCell<Vec<Event>>,
    /// Stop after this many items: the reference returns at the yield that reaches
    /// it, the consumer drops the generator once it has received that many.
    limit: Option<usize>,
    stop: Stop,
    items: Cell<usize>,
    /// The reference's live `defer!` stand-ins, per nesting level of generators (0:
    /// the body itself, 1: a generator it iterates, ..).
    deferred: RefCell<Vec<usize>>,
    /// The reference's stand-ins of this level and deeper log nothing when dropped:
    /// set where the reference stops (see [`Log::yielded`]).
    abandoned: Cell<usize>,
}

impl Log {
    /// An empty log; `limit` and `stop`: see [`Log::yielded`].
    #[must_use]
    pub fn new(limit: Option<usize>, stop: Stop) -> Self {
        Self {
            events: RefCell::new(Vec::new()),
            limit,
            stop,
            items: Cell::new(0),
            deferred: RefCell::new(Vec::new()),
            abandoned: Cell::new(usize::MAX),
        }
    }

    /// Whether the reference runs its body at all: not when the consumer stops before
    /// the first item (the generator is dropped without being polled).
    #[must_use]
    pub fn starts(&self) -> bool {
        self.limit != Some(0)
    }

    /// The reference's yield: logs the item; `true` when the reference must stop
    /// here, because the consumer stops after this item. The reference then returns
    /// from here, dropping its locals, and its `defer!` stand-ins log what the
    /// generator's deferred code does when the consumer stops:
    ///
    /// - dropped, the generator runs none of it;
    /// - closed, it runs the body's deferred code around this yield, and closes the
    ///   generator the body is suspended in a loop over (level 1) only if it has some
    ///   (a body with no deferred code around the yield is dropped by a close, its
    ///   sources with it); that one, closed, runs its own and closes the one it is in a
    ///   loop over only if it has some, and so on.
    pub fn yielded(&self, item: Res) -> bool {
        self.events.borrow_mut().push(Event::Item(item));
        let items = self.items.get() + 1;
        self.items.set(items);
        let stops = self.limit == Some(items);
        if stops {
            let deferred = self.deferred.borrow();
            let abandoned = match self.stop {
                Stop::Drop => 0,
                Stop::Close => {
                    deferred
                        .iter()
                        .position(|&live| live == 0)
                        .unwrap_or(deferred.len())
                        + 1
                }
            };
            self.abandoned.set(abandoned);
        }
        stops
    }

    /// The consumer's side: logs an item it received.
    pub fn received(&self, item: Res) {
        self.events.borrow_mut().push(Event::Item(item));
    }

    /// A guard that logs `Event::Drop(id)` when dropped.
    #[must_use]
    pub fn guard(&self, id: u32) -> Guard<'_> {
        Guard { log: self, id }
    }

    /// The generator's `defer!` block: logs `Event::Deferred(id, value)`.
    pub fn deferred(&self, id: u32, value: i64) {
        self.events.borrow_mut().push(Event::Deferred(id, value));
    }

    /// The reference's stand-in for a `defer!` block of a generator at nesting `level`:
    /// logs `Event::Deferred(id, value)` when dropped, unless the consumer's stop
    /// abandons it (see [`Log::yielded`]).
    #[must_use]
    pub fn defer_guard(&self, level: usize, id: u32, value: i64) -> DeferGuard<'_> {
        let mut deferred = self.deferred.borrow_mut();
        if deferred.len() <= level {
            deferred.resize(level + 1, 0);
        }
        deferred[level] += 1;
        DeferGuard {
            log: self,
            level,
            id,
            value,
        }
    }

    /// The events logged so far.
    #[must_use]
    pub fn into_events(self) -> Vec<Event> {
        self.events.into_inner()
    }
}

/// Logs `Event::Drop(id)` when dropped.
#[derive(Debug)]
pub struct Guard<'a> {
    log: &'a Log,
    id: u32,
}

impl Guard<'_> {
    /// The guard's id, as data for the body.
    #[must_use]
    pub fn id(&self) -> i64 {
        i64::from(self.id)
    }
}

impl Drop for Guard<'_> {
    fn drop(&mut self) {
        self.log.events.borrow_mut().push(Event::Drop(self.id));
    }
}

/// See [`Log::defer_guard`].
#[derive(Debug)]
pub struct DeferGuard<'a> {
    log: &'a Log,
    level: usize,
    id: u32,
    value: i64,
}

impl Drop for DeferGuard<'_> {
    fn drop(&mut self) {
        self.log.deferred.borrow_mut()[self.level] -= 1;
        if self.level < self.log.abandoned.get() {
            self.log.deferred(self.id, self.value);
        }
    }
}

// Helpers the generated bodies call. Arithmetic wraps so that no body can panic.

/// `Ok(value)` when `ok`, else `Err(value)`: what the bodies apply `?` to.
///
/// # Errors
/// When `ok` is false.
pub fn check(ok: bool, value: i64) -> Res {
    if ok { Ok(value) } else { Err(value) }
}

/// `Err(value)` when `value % m == m - 1` (about one value in `m`), else `Ok(value)`.
///
/// # Errors
/// When `value % m == m - 1`.
pub fn check_by(value: i64, m: i64) -> Res {
    check(value.rem_euclid(m) != m - 1, value)
}

/// The value of an item, whichever variant it is.
#[must_use]
pub fn either(item: Res) -> i64 {
    match item {
        Ok(value) | Err(value) => value,
    }
}

/// The item itself (the reference's spelling of a nested generator's yield, which
/// fixes the type of `Ok(..)` and `Err(..)`).
pub fn item(item: Res) -> Res {
    item
}

/// `a + b`, wrapping.
#[must_use]
pub fn add(a: i64, b: i64) -> i64 {
    a.wrapping_add(b)
}

/// `value`, after evaluating a unit argument (a yield, in the bodies).
#[must_use]
pub fn then((): (), value: i64) -> i64 {
    value
}

/// A guard's id, through a borrow.
#[must_use]
pub fn touch(guard: &Guard<'_>) -> i64 {
    guard.id()
}

/// Reads a guard through a borrow and returns nothing (a unit tail expression).
pub fn touch_unit(guard: &Guard<'_>) {
    let _ = guard.id();
}

/// Reads a guard through a borrow and returns `Ok(())` (a coroutine's tail).
///
/// # Errors
/// Never; the type is the coroutines' return type.
pub fn touch_ok(guard: &Guard<'_>) -> CoRet {
    let _ = guard.id();
    Ok(())
}

/// Consumes a guard (dropping it here) and returns `value` plus its id.
#[must_use]
#[expect(
    clippy::needless_pass_by_value,
    reason = "dropping the guard is the point"
)]
pub fn take(guard: Guard<'_>, value: i64) -> i64 {
    add(guard.id(), value)
}

/// A future that is `Pending` once (waking itself first), then `Ready(value)`.
pub fn pending_once<T>(value: T) -> PendingOnce<T> {
    PendingOnce {
        value: Some(value),
        pended: false,
    }
}

/// See [`pending_once`].
#[derive(Debug)]
#[must_use = "futures do nothing unless awaited"]
pub struct PendingOnce<T> {
    value: Option<T>,
    pended: bool,
}

// The value is never pinned.
impl<T> Unpin for PendingOnce<T> {}

impl<T> Future for PendingOnce<T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let this = self.get_mut();
        if this.pended {
            Poll::Ready(
                this.value
                    .take()
                    .expect("`PendingOnce` polled after completion"),
            )
        } else {
            this.pended = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// A waker that records whether it was woken.
#[derive(Debug, Default)]
struct Flag(AtomicBool);

impl Wake for Flag {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Polls `poll` until it is ready; a `Pending` without a wake-up first is a failure
/// (the future would hang under a real executor).
fn drive<T>(mut poll: impl FnMut(&mut Context<'_>) -> Poll<T>) -> T {
    let flag = Arc::new(Flag::default());
    let waker = Waker::from(Arc::clone(&flag));
    let mut cx = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(value) = poll(&mut cx) {
            return value;
        }
        assert!(
            flag.0.swap(false, Ordering::SeqCst),
            "`Pending` without a wake-up: the generator would hang"
        );
    }
}

/// Runs a future to completion (the reference's `.await`).
pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = core::pin::pin!(future);
    drive(|cx| future.as_mut().poll(cx))
}

/// An async coroutine of the generated type, as a trait object.
pub trait DynAsyncCo {
    /// [`AsyncCoroutine::poll_resume`].
    fn poll_resume(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<()>,
    ) -> Poll<CoroutineState<Res, CoRet>>;

    /// [`AsyncCoroutine::poll_close`].
    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<CoRet>>;
}

/// A sync generator that can be closed, as a trait object.
pub trait CloseIterator: Iterator + Close {}

impl<I: Iterator + Close + ?Sized> CloseIterator for I {}

impl<C: AsyncCoroutine<(), Yield = Res, Return = CoRet>> DynAsyncCo for C {
    fn poll_resume(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        arg: &mut Option<()>,
    ) -> Poll<CoroutineState<Res, CoRet>> {
        AsyncCoroutine::poll_resume(self, cx, arg)
    }

    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<CoRet>> {
        AsyncCoroutine::poll_close(self, cx)
    }
}

/// A boxed `#[async_gen]` or `stream!`.
pub type BoxStream<'a> = Pin<Box<dyn ClosableStream<Item = Res> + 'a>>;
/// A boxed `#[generator]` or `iter!`.
pub type BoxIter<'a> = Box<dyn CloseIterator<Item = Res> + 'a>;
/// A boxed `#[yieldkit::coroutine] fn`.
pub type BoxCo<'a> = Pin<Box<dyn Coroutine<(), Yield = Res, Return = CoRet> + 'a>>;
/// A boxed `#[yieldkit::coroutine] async fn`.
pub type BoxAsyncCo<'a> = Pin<Box<dyn DynAsyncCo + 'a>>;

/// Makes a generator of one form, borrowing the log for its guards.
#[derive(Clone, Copy, Debug)]
pub enum Maker {
    /// `#[async_gen]`, `stream!`.
    Stream(fn(&Log) -> BoxStream<'_>),
    /// `#[generator]`, `iter!`.
    Iter(fn(&Log) -> BoxIter<'_>),
    /// `#[yieldkit::coroutine] fn`.
    Co(fn(&Log) -> BoxCo<'_>),
    /// `#[yieldkit::coroutine] async fn`.
    AsyncCo(fn(&Log) -> BoxAsyncCo<'_>),
}

/// One form of a case.
#[derive(Clone, Copy, Debug)]
pub struct Form {
    /// `async_gen`, `stream!`, `generator`, `iter!`, `coroutine`, `async coroutine`.
    pub name: &'static str,
    /// Makes the generator.
    pub make: Maker,
}

/// One generated body: its reference and its forms.
#[derive(Clone, Copy, Debug)]
pub struct Case {
    /// Its index in the run.
    pub index: usize,
    /// The seed it was generated from (see the crate docs to regenerate it).
    pub seed: u64,
    /// The body as one of its forms, for the report.
    pub source: &'static str,
    /// The reference: the body as a plain function.
    pub reference: fn(&Log),
    /// Every form the body is valid in.
    pub forms: &'static [Form],
}

/// Consumes the generator `make` makes: at most `limit` items (all if `None`),
/// logging each; then, if it stopped early, closes it when `stop` says so (a closed
/// stream or iterator must then be at its end); then drops it. Returns the log.
fn consume(make: Maker, limit: Option<usize>, stop: Stop) -> Vec<Event> {
    let log = Log::new(limit, stop);
    let close = stop == Stop::Close;
    match make {
        Maker::Stream(make) => {
            let mut stream = make(&log);
            let ended = receive(&log, limit, || {
                match drive(|cx| stream.as_mut().poll_next(cx)) {
                    Some(item) => Step::Item(item),
                    None => Step::End(None),
                }
            });
            if close && !ended {
                drive(|cx| AsyncClose::poll_close(stream.as_mut(), cx));
            }
            if close || ended {
                let again = drive(|cx| stream.as_mut().poll_next(cx));
                assert!(
                    again.is_none(),
                    "the stream yielded {again:?} after its end"
                );
            }
        }
        Maker::Iter(make) => {
            let mut iter = make(&log);
            let ended = receive(&log, limit, || match iter.next() {
                Some(item) => Step::Item(item),
                None => Step::End(None),
            });
            if close && !ended {
                iter.close();
            }
            if close || ended {
                let again = iter.next();
                assert!(
                    again.is_none(),
                    "the iterator yielded {again:?} after its end"
                );
            }
        }
        Maker::Co(make) => {
            let mut co = make(&log);
            let ended = receive(&log, limit, || coroutine_step(co.as_mut().resume(())));
            if close && !ended {
                co.as_mut().close();
            }
        }
        Maker::AsyncCo(make) => {
            let mut co = make(&log);
            let ended = receive(&log, limit, || {
                let mut arg = Some(());
                coroutine_step(drive(|cx| co.as_mut().poll_resume(cx, &mut arg)))
            });
            if close && !ended {
                drive(|cx| co.as_mut().poll_close(cx));
            }
        }
    }
    log.into_events()
}

/// What a consumer got from one step of a generator.
enum Step {
    Item(Res),
    /// The end, with a coroutine's error as the last item.
    End(Option<Res>),
}

fn coroutine_step(state: CoroutineState<Res, CoRet>) -> Step {
    match state {
        CoroutineState::Yielded(item) => Step::Item(item),
        CoroutineState::Complete(Ok(())) => Step::End(None),
        CoroutineState::Complete(Err(error)) => Step::End(Some(Err(error))),
    }
}

/// Logs what `next` gives until the end, or until `limit` items were received.
/// Whether it saw the end.
fn receive(log: &Log, limit: Option<usize>, mut next: impl FnMut() -> Step) -> bool {
    let mut received = 0;
    while limit.is_none_or(|limit| received < limit) {
        match next() {
            Step::Item(item) => log.received(item),
            Step::End(last) => {
                if let Some(item) = last {
                    log.received(item);
                }
                return true;
            }
        }
        received += 1;
    }
    false
}

fn run_reference(reference: fn(&Log), limit: Option<usize>, stop: Stop) -> Vec<Event> {
    let log = Log::new(limit, stop);
    reference(&log);
    log.into_events()
}

/// A form whose log differs from its reference's.
#[derive(Debug)]
pub struct Failure {
    /// The case.
    pub case: Case,
    /// The form's name.
    pub form: &'static str,
    /// Where the consumer stopped (`None`: a full run).
    pub limit: Option<usize>,
    /// How it stopped there.
    pub stop: Stop,
    /// The reference's log.
    pub expected: Vec<Event>,
    /// The form's log, or the panic that ended the run.
    pub actual: Result<Vec<Event>, String>,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let stop = match (self.limit, self.stop) {
            (None, _) => "a full run".to_string(),
            (Some(k), Stop::Drop) => format!("dropped after {k} item(s)"),
            (Some(k), Stop::Close) => format!("closed after {k} item(s)"),
        };
        writeln!(
            f,
            "case {} (seed {:#018x}), form `{}`, {stop}:",
            self.case.index, self.case.seed, self.form
        )?;
        writeln!(f, "  reference: {}", show(&self.expected))?;
        match &self.actual {
            Ok(actual) => writeln!(f, "  generator: {}", show(actual))?,
            Err(panic) => writeln!(f, "  generator panicked: {panic}")?,
        }
        writeln!(f, "  body:\n{}", self.case.source)
    }
}

/// A log in one line: `Ok(1) Err(2) ~3 D4=5` (`~id`: guard `id` dropped; `Did=v`:
/// `defer!` block `id` ran, reading `v`).
#[must_use]
pub fn show(events: &[Event]) -> String {
    let mut out = String::new();
    for event in events {
        if !out.is_empty() {
            out.push(' ');
        }
        let _ = match event {
            Event::Item(item) => write!(out, "{item:?}"),
            Event::Drop(id) => write!(out, "~{id}"),
            Event::Deferred(id, value) => write!(out, "D{id}={value}"),
        };
    }
    out
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string())
}

/// What the runs covered.
#[derive(Debug, Default)]
struct Stats {
    generators: usize,
    runs: usize,
    items: usize,
    drops: usize,
    /// `defer!` blocks run, in the reference's full runs.
    deferred: usize,
    /// Reference logs whose last event is an `Err` item (mostly a `?`'s error).
    errors: usize,
}

/// Checks one form of a case: a full run, then a run stopped after `k` items for
/// every `k` from 0 to the number of items, once dropped there and once closed. The
/// first difference, if any.
fn check_form(case: Case, form: Form, stats: &mut Stats) -> Option<Failure> {
    let full = run_reference(case.reference, None, Stop::Drop);
    let items = full.iter().filter(|e| matches!(e, Event::Item(_))).count();
    stats.generators += 1;
    stats.runs += 2 * items + 3;
    stats.items += items;
    stats.drops += full.iter().filter(|e| matches!(e, Event::Drop(_))).count();
    stats.deferred += full
        .iter()
        .filter(|e| matches!(e, Event::Deferred(..)))
        .count();
    stats.errors += usize::from(matches!(full.last(), Some(Event::Item(Err(_)))));
    let stopped = (0..=items).flat_map(|k| [(Some(k), Stop::Drop), (Some(k), Stop::Close)]);
    for (limit, stop) in core::iter::once((None, Stop::Drop)).chain(stopped) {
        let expected = if limit.is_none() {
            full.clone()
        } else {
            run_reference(case.reference, limit, stop)
        };
        let actual = panic::catch_unwind(AssertUnwindSafe(|| consume(form.make, limit, stop)))
            .map_err(|payload| panic_message(&*payload));
        if actual.as_ref() != Ok(&expected) {
            return Some(Failure {
                case,
                form: form.name,
                limit,
                stop,
                expected,
                actual,
            });
        }
    }
    None
}

/// Runs every form of every case; panics with a report of the first failures.
///
/// # Panics
/// When a form's log differs from its reference's, or a reference panics.
pub fn check_all(title: &str, cases: &[Case]) {
    // Panics in generators are caught and reported as failures: keep them quiet.
    let hook = panic::take_hook();
    panic::set_hook(Box::new(|_| {}));
    let mut failures = Vec::new();
    let mut stats = Stats::default();
    let mut per_form: Vec<(&'static str, usize)> = Vec::new();
    for &case in cases {
        for &form in case.forms {
            match per_form.iter_mut().find(|(name, _)| *name == form.name) {
                Some((_, count)) => *count += 1,
                None => per_form.push((form.name, 1)),
            }
            if let Some(failure) = check_form(case, form, &mut stats) {
                failures.push(failure);
            }
        }
    }
    panic::set_hook(hook);
    let runs = stats.generators;
    let forms: Vec<String> = per_form.iter().map(|(n, c)| format!("{n}: {c}")).collect();
    eprintln!(
        "{title}: {} bodies, {runs} generators ({}); {} runs (full, and dropped and closed \
         after every item), reference logs of {} items, {} drops and {} deferred blocks, \
         {} ending with an `Err` item; {} failing",
        cases.len(),
        forms.join(", "),
        stats.runs,
        stats.items,
        stats.drops,
        stats.deferred,
        stats.errors,
        failures.len()
    );
    if failures.is_empty() {
        return;
    }
    // Every failure, for triage, beside the test's binary.
    let all: String = failures.iter().map(|f| format!("{f}\n")).collect();
    let file = std::env::temp_dir().join(format!("yieldkit-differential-{}.txt", slug(title)));
    let saved = match std::fs::write(&file, all) {
        Ok(()) => format!("every failure is in {}", file.display()),
        Err(e) => format!("(could not write {}: {e})", file.display()),
    };
    let mut report = String::new();
    for failure in failures.iter().take(12) {
        let _ = writeln!(report, "{failure}");
    }
    let mut by_form: Vec<(&'static str, usize)> = Vec::new();
    for failure in &failures {
        match by_form.iter_mut().find(|(name, _)| *name == failure.form) {
            Some((_, count)) => *count += 1,
            None => by_form.push((failure.form, 1)),
        }
    }
    panic!(
        "{title}: {} of {runs} generators differ from their reference ({by_form:?}); {saved}; \
         the first:\n\n{report}",
        failures.len()
    );
}

fn slug(title: &str) -> String {
    title
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}
