//! Fuzzing every macro's expansion function: no input makes a macro panic.
//!
//! A proc macro that panics gives the user "proc macro panicked" at the attribute,
//! with none of the spanned, hinted errors the macros promise. So every expansion
//! function (`function::expand` for `#[async_gen]`, `#[generator]`, `#[coroutine]`
//! and `#[for_await]`; `block::expand` for `stream!` and `iter!`;
//! `comprehension::expand` for `collect!`) is fed inputs built from a seed corpus, each
//! call under `catch_unwind`, and every call must:
//!
//! 1. return (no panic);
//! 2. return well-formed tokens: a `syn::File` for the attribute forms, an expression
//!    for `stream!`, `iter!` and `collect!`, and statements for each rewritten body
//!    (the input of the runtime's `generator_body!`, which syn would otherwise leave
//!    unparsed as a macro's input). An output with a `compile_error!` in it is held to
//!    this too: the macros emit their errors next to a well-formed item or expression
//!    (the signature kept, a diverging block), so the user sees those errors and not
//!    also a parse error of the expansion. (syn reads `break 'label ::path` as a
//!    labelled loop, rustc does not: the check drops a `::` right after a lifetime.)
//!    Being parsed by syn is what the check can know without rustc: it does not
//!    type-check, and an output rustc would parse differently than syn is missed;
//! 3. for an attribute form without a `compile_error!`, still contain a function (an
//!    accepted item does not disappear).
//!
//! Seed corpus: the attribute arguments and functions, and the inputs of `stream!`,
//! `iter!` and `collect!`, found in `tests/expand/**/*.rs` (not the `.expanded.rs`
//! snapshots), `tests/tests/*.rs`, `tests/ui/**/*.rs`, `tests/lints/src/*.rs`,
//! `tests/auxiliary/**/*.rs`, `examples/*.rs` and the examples of
//! `runtime/src/docs/*.md` (functions by parsing the files with syn, macro inputs by
//! scanning their tokens at every depth), plus a
//! curated list of valid inputs below (the corpus without those files; the oracle's
//! own check, `curated_seeds_expand_cleanly`, requires each to expand without errors).
//!
//! Mutations, at any position of the token tree (top level or nested in a group).
//! Exhaustively, for every seed under its own macro and at every position: truncate
//! there, drop the token, make an identifier raw (`x` to `r#x`). Then randomly, up to
//! three at a time: those, and duplicate a token, swap it with the next, replace it
//! with an interesting token or insert one (`?`, `yield`, `yield_`, `!`, `await`, `.`,
//! `async`, `move`, `|`, `#`, `[for_await]`, `r#type`, `'l`, `:`, `;`, `,`, `=>`,
//! `for`, `in`, `if`, `let`, `_`, literals, an empty group of each delimiter, ...),
//! unwrap a group (its tokens in its place), empty a group, wrap a token in an
//! invisible group (what `macro_rules!` does to a `$e:expr`). Random cases go mostly
//! to the seed's own macro, sometimes to another form of its family, and now and then
//! to any macro at all. A deterministic PRNG (splitmix64) with a fixed seed makes every
//! run the same.
//!
//! Every failure is collected, not just the first: the run ends with one report
//! listing each distinct failure (a panic by its location, a malformed output by its
//! macro and parse error), how often it was hit, its message, the smallest input that
//! found it and that input greedily minimised (tokens dropped, groups unwrapped while
//! it fails the same way), then fails. Invisible groups print as `⟦..⟧`.
//!
//! Run longer or differently:
//!
//! ```text
//! YIELDKIT_FUZZ_ITERATIONS=200000 YIELDKIT_FUZZ_SEED=42 cargo test -p yieldkit-macros --release fuzz -- --nocapture
//! ```
//!
//! - `YIELDKIT_FUZZ_ITERATIONS`: random cases per test (default 10000); `0` leaves only
//!   the exhaustive mutations.
//! - `YIELDKIT_FUZZ_SEED`: the PRNG's seed (default fixed); each test prints the one it
//!   used.
//! - `YIELDKIT_FUZZ_HANG_SECS`: a call that takes longer than this (default 60) is a hang:
//!   the input is printed and the test process exits with a failure.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Once};
use std::time::{Duration, Instant};

use proc_macro2::{Delimiter, Group, Spacing, TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::Parser;
use syn::visit_mut::{self, VisitMut};

use crate::form::Form;

// ---------------------------------------------------------------------------------
// The tests

#[test]
fn attribute_forms_never_panic() {
    fuzz(Family::Attribute);
}

#[test]
fn block_forms_never_panic() {
    fuzz(Family::Block);
}

#[test]
fn collect_never_panics() {
    fuzz(Family::Collect);
}

/// The oracle's own check: the curated valid inputs expand without errors into
/// well-formed output, so a failure of the fuzzer is about the mutation.
#[test]
fn curated_seeds_expand_cleanly() {
    let mut problems = String::new();
    for case in curated() {
        let outcome = run(&case);
        let output = match outcome {
            Outcome::Ok(output) => output,
            Outcome::Failed(failure) => {
                let _ = writeln!(problems, "{}: {}\n  {}", case.target, failure, case.show());
                continue;
            }
        };
        if has_compile_error(&output) {
            let _ = writeln!(
                problems,
                "{}: a valid input gave an error\n  input: {}\n  output: {}",
                case.target,
                case.show(),
                output
            );
        }
    }
    assert!(problems.is_empty(), "{problems}");
}

// ---------------------------------------------------------------------------------
// What is called

/// One expansion function, and for the shared ones the form it is called with.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
enum Target {
    /// `function::expand`: `#[async_gen]`, `#[generator]`, `#[coroutine]`,
    /// `#[for_await]`.
    Attr(FormKey),
    /// `block::expand`: `stream!` (`AsyncGen`), `iter!` (`Generator`).
    Block(FormKey),
    /// `comprehension::expand`: `collect!`.
    Collect,
}

/// `Form`, ordered (for a deterministic report).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
enum FormKey {
    AsyncGen,
    Generator,
    Coroutine,
    ForAwait,
}

impl FormKey {
    fn form(self) -> Form {
        match self {
            FormKey::AsyncGen => Form::AsyncGen,
            FormKey::Generator => Form::Generator,
            FormKey::Coroutine => Form::Coroutine,
            FormKey::ForAwait => Form::ForAwait,
        }
    }
}

const ATTRS: [Target; 4] = [
    Target::Attr(FormKey::AsyncGen),
    Target::Attr(FormKey::Generator),
    Target::Attr(FormKey::Coroutine),
    Target::Attr(FormKey::ForAwait),
];
const BLOCKS: [Target; 2] = [
    Target::Block(FormKey::AsyncGen),
    Target::Block(FormKey::Generator),
];
const ALL: [Target; 7] = [
    ATTRS[0],
    ATTRS[1],
    ATTRS[2],
    ATTRS[3],
    BLOCKS[0],
    BLOCKS[1],
    Target::Collect,
];

impl core::fmt::Display for Target {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            Target::Attr(FormKey::AsyncGen) => "#[async_gen]",
            Target::Attr(FormKey::Generator) => "#[generator]",
            Target::Attr(FormKey::Coroutine) => "#[coroutine]",
            Target::Attr(FormKey::ForAwait) => "#[for_await]",
            Target::Block(FormKey::AsyncGen) => "stream!",
            Target::Block(_) => "iter!",
            Target::Collect => "collect!",
        })
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Family {
    Attribute,
    Block,
    Collect,
}

impl Target {
    fn family(self) -> Family {
        match self {
            Target::Attr(_) => Family::Attribute,
            Target::Block(_) => Family::Block,
            Target::Collect => Family::Collect,
        }
    }

    fn siblings(self) -> &'static [Target] {
        match self.family() {
            Family::Attribute => &ATTRS,
            Family::Block => &BLOCKS,
            Family::Collect => &[Target::Collect],
        }
    }
}

/// One call: the attribute's arguments (empty for the function-like macros) and the
/// item or macro input.
#[derive(Clone)]
struct Case {
    target: Target,
    attr: TokenStream,
    input: TokenStream,
}

impl Case {
    fn show(&self) -> String {
        match self.target {
            Target::Attr(_) => format!(
                "attr: `{}`, item: `{}`",
                show(&self.attr),
                show(&self.input)
            ),
            _ => format!("input: `{}`", show(&self.input)),
        }
    }

    fn size(&self) -> usize {
        slots(&self.attr) + slots(&self.input)
    }
}

/// The expansion function of `target`, called as the `#[proc_macro*]` entry point
/// calls it.
fn expand(case: &Case) -> TokenStream {
    let (attr, input) = (case.attr.clone(), case.input.clone());
    match case.target {
        Target::Attr(form) => crate::function::expand(form.form(), attr, input),
        Target::Block(form) => crate::block::expand(form.form(), input),
        Target::Collect => crate::comprehension::expand(input),
    }
}

// ---------------------------------------------------------------------------------
// The oracle

enum Outcome {
    Ok(TokenStream),
    Failed(Failure),
}

#[derive(Clone, Debug)]
enum Failure {
    Panic { message: String, location: String },
    Malformed { output: String, error: String },
    Vanished { output: String },
}

impl Failure {
    /// What makes two failures the same bug: a panic's location, a malformed output's
    /// parse error.
    fn key(&self, target: Target) -> String {
        match self {
            Failure::Panic { location, .. } => format!("panic at {location}"),
            Failure::Malformed { error, .. } => {
                format!("{target}: malformed output ({error})")
            }
            Failure::Vanished { .. } => format!("{target}: the item vanished"),
        }
    }
}

impl core::fmt::Display for Failure {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Failure::Panic { message, location } => write!(f, "panicked at {location}: {message}"),
            Failure::Malformed { output, error } => {
                write!(f, "malformed output ({error}): `{}`", clip(output, 600))
            }
            Failure::Vanished { output } => write!(
                f,
                "no error and no function in the output: `{}`",
                clip(output, 600)
            ),
        }
    }
}

fn run(case: &Case) -> Outcome {
    install_panic_hook();
    CAPTURING.with(|c| c.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| expand(case)));
    CAPTURING.with(|c| c.set(false));
    let output = match result {
        Ok(output) => output,
        Err(payload) => {
            let (message, location) = LAST_PANIC
                .with(|last| last.borrow_mut().take())
                .unwrap_or_else(|| {
                    (
                        payload_message(&*payload),
                        String::from("<unknown location>"),
                    )
                });
            return Outcome::Failed(Failure::Panic { message, location });
        }
    };
    match well_formed(case.target, &output) {
        Ok(()) => Outcome::Ok(output),
        Err(failure) => Outcome::Failed(failure),
    }
}

fn well_formed(target: Target, output: &TokenStream) -> Result<(), Failure> {
    let reparsed = syn_fixup(output.clone());
    let parsed = match target {
        Target::Attr(_) => syn::parse2::<syn::File>(reparsed.clone()).map(Some),
        Target::Block(_) | Target::Collect => {
            syn::parse2::<syn::Expr>(reparsed.clone()).map(|_| None)
        }
    };
    let malformed = |error: String| Failure::Malformed {
        output: show(output),
        error,
    };
    let parsed = parsed.map_err(|error| malformed(error.to_string()))?;
    bodies_well_formed(&reparsed).map_err(malformed)?;
    match parsed {
        Some(file) if !has_compile_error(output) => {
            if file
                .items
                .iter()
                .any(|item| matches!(item, syn::Item::Fn(_)))
            {
                Ok(())
            } else {
                Err(Failure::Vanished {
                    output: show(output),
                })
            }
        }
        _ => Ok(()),
    }
}

/// The rewritten bodies are the input of the runtime's `generator_body!(.., { body })`,
/// which syn leaves unparsed as a macro's input: each must be statements.
fn bodies_well_formed(tokens: &TokenStream) -> Result<(), String> {
    let list: Vec<TokenTree> = tokens.clone().into_iter().collect();
    for (i, tt) in list.iter().enumerate() {
        let TokenTree::Group(group) = tt else {
            continue;
        };
        let is_body_macro = i >= 2
            && matches!(&list[i - 2], TokenTree::Ident(name) if name == "generator_body")
            && matches!(&list[i - 1], TokenTree::Punct(bang) if bang.as_char() == '!');
        if is_body_macro {
            let body = group.stream().into_iter().last();
            let Some(TokenTree::Group(body)) = body.filter(
                |body| matches!(body, TokenTree::Group(g) if g.delimiter() == Delimiter::Brace),
            ) else {
                return Err(String::from("generator_body! without a body in braces"));
            };
            syn::Block::parse_within
                .parse2(body.stream())
                .map_err(|error| format!("in a generator body: {error}"))?;
        }
        bodies_well_formed(&group.stream())?;
    }
    Ok(())
}

/// Works around a limit of syn's parser, not of the macros: it reads
/// `break 'label ::core::..` (a `break` with a label and a value that is an absolute
/// path, as `collect!`'s `try` form writes) as the start of a labeled loop. Rustc does
/// not; so for the check, a `::` right after a lifetime is dropped (`break 'label
/// core::..` means the same to the parser).
fn syn_fixup(tokens: TokenStream) -> TokenStream {
    let list: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(list.len());
    let mut i = 0;
    while i < list.len() {
        let lifetime = matches!(
            (&list[i], list.get(i + 1)),
            (TokenTree::Punct(p), Some(TokenTree::Ident(_)))
                if p.as_char() == '\'' && p.spacing() == Spacing::Joint
        );
        let path =
            |j: usize| matches!(list.get(j), Some(TokenTree::Punct(p)) if p.as_char() == ':');
        if lifetime && path(i + 2) && path(i + 3) {
            out.extend(list[i..i + 2].iter().cloned());
            i += 4;
            continue;
        }
        match &list[i] {
            TokenTree::Group(group) => {
                let mut new = Group::new(group.delimiter(), syn_fixup(group.stream()));
                new.set_span(group.span());
                out.push(TokenTree::Group(new));
            }
            other => out.push(other.clone()),
        }
        i += 1;
    }
    out.into_iter().collect()
}

fn has_compile_error(tokens: &TokenStream) -> bool {
    let mut iter = tokens.clone().into_iter().peekable();
    while let Some(tt) = iter.next() {
        match tt {
            TokenTree::Ident(ident) if ident == "compile_error" => {
                if matches!(iter.peek(), Some(TokenTree::Punct(p)) if p.as_char() == '!') {
                    return true;
                }
            }
            TokenTree::Group(group) if has_compile_error(&group.stream()) => return true,
            _ => {}
        }
    }
    false
}

thread_local! {
    static CAPTURING: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// One hook for the whole process: on a thread that is running an expansion it
/// records the message and location (quietly: the report prints them); anywhere else
/// it is the previous hook.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CAPTURING.with(Cell::get) {
                let location = info
                    .location()
                    .map_or_else(|| String::from("<unknown location>"), ToString::to_string);
                let message = payload_message(info.payload());
                LAST_PANIC.with(|last| *last.borrow_mut() = Some((message, location)));
            } else {
                previous(info);
            }
        }));
    });
}

fn payload_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        String::from("<non-string panic payload>")
    }
}

// ---------------------------------------------------------------------------------
// The run

fn env_u64(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(value) => value
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a number, not {value:?}")),
        Err(_) => default,
    }
}

const DEFAULT_SEED: u64 = 0x00A6_E11F_u64;
const DEFAULT_ITERATIONS: u64 = 10_000;

/// Distinct failures, by `Failure::key`.
#[derive(Default)]
struct Found {
    failures: BTreeMap<String, FoundFailure>,
    calls: u64,
}

struct FoundFailure {
    hits: u64,
    targets: HashSet<Target>,
    /// The smallest input seen to fail this way, and its failure.
    smallest: Case,
    failure: Failure,
}

impl Found {
    fn check(&mut self, case: &Case, watchdog: &Watchdog) {
        self.calls += 1;
        watchdog.enter(case);
        let outcome = run(case);
        watchdog.leave();
        let Outcome::Failed(failure) = outcome else {
            return;
        };
        let key = failure.key(case.target);
        let entry = self.failures.entry(key).or_insert_with(|| FoundFailure {
            hits: 0,
            targets: HashSet::new(),
            smallest: case.clone(),
            failure: failure.clone(),
        });
        entry.hits += 1;
        entry.targets.insert(case.target);
        if case.size() < entry.smallest.size() {
            entry.smallest = case.clone();
            entry.failure = failure;
        }
    }

    fn report(self, family: Family, seed: u64, elapsed: Duration) {
        eprintln!(
            "fuzz {family:?}: {} calls in {:.1?} (YIELDKIT_FUZZ_SEED={seed}), {} distinct failures",
            self.calls,
            elapsed,
            self.failures.len()
        );
        if self.failures.is_empty() {
            return;
        }
        let mut report = String::new();
        for (i, (key, found)) in self.failures.into_iter().enumerate() {
            let mut targets: Vec<Target> = found.targets.into_iter().collect();
            targets.sort();
            let targets: Vec<String> = targets.iter().map(ToString::to_string).collect();
            let minimal = minimise(&found.smallest, &key);
            let failure = match run(&minimal) {
                Outcome::Failed(failure) => failure,
                Outcome::Ok(_) => found.failure.clone(),
            };
            let _ = write!(
                report,
                "\n#{n} {key}\n    hit {hits} times, by {targets}\n    {failure}\n    minimal \
                 ({target}): {minimal}\n    found as: {found_as}\n",
                n = i + 1,
                hits = found.hits,
                targets = targets.join(", "),
                target = minimal.target,
                minimal = minimal.show(),
                found_as = clip(&found.smallest.show(), 800),
            );
        }
        panic!("the macros failed on fuzzed input ({family:?}):\n{report}");
    }
}

fn fuzz(family: Family) {
    let seed = env_u64("YIELDKIT_FUZZ_SEED", DEFAULT_SEED);
    let iterations = env_u64("YIELDKIT_FUZZ_ITERATIONS", DEFAULT_ITERATIONS);
    let hang = Duration::from_secs(env_u64("YIELDKIT_FUZZ_HANG_SECS", 60));
    let start = Instant::now();
    let corpus = corpus();
    let seeds: Vec<&Case> = corpus
        .iter()
        .filter(|case| case.target.family() == family)
        .collect();
    assert!(
        seeds.len() >= 5,
        "the seed corpus of {family:?} has only {} inputs",
        seeds.len()
    );
    let interesting = interesting();
    let watchdog = Watchdog::start(hang);
    let mut found = Found::default();
    // Each seed unchanged, under each form of its family.
    for case in &seeds {
        for &target in case.target.siblings() {
            found.check(
                &Case {
                    target,
                    ..(*case).clone()
                },
                &watchdog,
            );
        }
    }
    // Exhaustive, for every seed under its own macro: every truncation, every token
    // dropped, every identifier made raw.
    for case in &seeds {
        for which in [Part::Attr, Part::Input] {
            let stream = case.part(which);
            for slot in 0..slots(stream) {
                for op in [Op::Truncate, Op::Drop, Op::Raw] {
                    if let Some(mutated) =
                        edit(stream, slot, &mut |list, i| op.apply(list, i, &interesting))
                    {
                        found.check(&case.with(which, mutated), &watchdog);
                    }
                }
            }
        }
    }
    // Random: up to three mutations at a time.
    let mut rng = Rng(seed ^ (family as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    for _ in 0..iterations {
        let base = seeds[rng.below(seeds.len())];
        let target = match rng.below(20) {
            0 => ALL[rng.below(ALL.len())],
            1..=4 => base.target.siblings()[rng.below(base.target.siblings().len())],
            _ => base.target,
        };
        let mut case = Case {
            target,
            ..base.clone()
        };
        for _ in 0..=rng.below(3) {
            let which = match case.target {
                Target::Attr(_) if rng.below(6) == 0 => Part::Attr,
                _ => Part::Input,
            };
            if let Some(mutated) = mutate(case.part(which), &mut rng, &interesting) {
                case = case.with(which, mutated);
            }
        }
        found.check(&case, &watchdog);
    }
    watchdog.stop();
    found.report(family, seed, start.elapsed());
}

#[derive(Clone, Copy)]
enum Part {
    Attr,
    Input,
}

impl Case {
    fn part(&self, which: Part) -> &TokenStream {
        match which {
            Part::Attr => &self.attr,
            Part::Input => &self.input,
        }
    }

    fn with(&self, which: Part, stream: TokenStream) -> Case {
        let mut case = self.clone();
        match which {
            Part::Attr => case.attr = stream,
            Part::Input => case.input = stream,
        }
        case
    }
}

/// Shrinks a failing case, one token or group at a time, while it fails the same way.
fn minimise(case: &Case, key: &str) -> Case {
    let fails_the_same = |case: &Case| match run(case) {
        Outcome::Failed(failure) => failure.key(case.target) == key,
        Outcome::Ok(_) => false,
    };
    let mut best = case.clone();
    let mut budget = 20_000_u32;
    let mut progress = true;
    while progress && budget > 0 {
        progress = false;
        for which in [Part::Attr, Part::Input] {
            let mut slot = 0;
            while slot < slots(best.part(which)) && budget > 0 {
                let mut shrunk = false;
                // Drop the token; or, for a group, put its tokens in its place.
                for unwrap in [false, true] {
                    let candidate = edit(best.part(which), slot, &mut |list, i| {
                        if i >= list.len() {
                            return false;
                        }
                        match (&list[i], unwrap) {
                            (_, false) => {
                                list.remove(i);
                                true
                            }
                            (TokenTree::Group(group), true) => {
                                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                                list.splice(i..=i, inner);
                                true
                            }
                            _ => false,
                        }
                    });
                    let Some(candidate) = candidate else { continue };
                    budget = budget.saturating_sub(1);
                    let candidate = best.with(which, candidate);
                    if fails_the_same(&candidate) {
                        best = candidate;
                        shrunk = true;
                        progress = true;
                        break;
                    }
                }
                if !shrunk {
                    slot += 1;
                }
            }
        }
    }
    best
}

// ---------------------------------------------------------------------------------
// Hangs

/// Reports a call that does not return: prints its input and ends the process.
struct Watchdog {
    state: Arc<WatchState>,
    thread: Option<std::thread::JoinHandle<()>>,
}

struct WatchState {
    /// Bumped at every call; odd while a call runs.
    generation: AtomicU64,
    input: Mutex<String>,
    stop: AtomicBool,
}

impl Watchdog {
    fn start(limit: Duration) -> Self {
        let state = Arc::new(WatchState {
            generation: AtomicU64::new(0),
            input: Mutex::new(String::new()),
            stop: AtomicBool::new(false),
        });
        let watched = Arc::clone(&state);
        let thread = std::thread::spawn(move || {
            let tick = Duration::from_millis(100);
            let mut last = (u64::MAX, Instant::now());
            while !watched.stop.load(Ordering::Relaxed) {
                std::thread::sleep(tick);
                let generation = watched.generation.load(Ordering::Relaxed);
                if generation != last.0 {
                    last = (generation, Instant::now());
                } else if generation % 2 == 1 && last.1.elapsed() > limit {
                    let input = watched.input.lock().map(|s| s.clone()).unwrap_or_default();
                    eprintln!(
                        "a macro has not returned for {limit:?} (YIELDKIT_FUZZ_HANG_SECS): a hang \
                         on\n{input}"
                    );
                    std::process::exit(101);
                }
            }
        });
        Self {
            state,
            thread: Some(thread),
        }
    }

    fn enter(&self, case: &Case) {
        if let Ok(mut input) = self.state.input.lock() {
            input.clear();
            let _ = write!(input, "{}: {}", case.target, case.show());
        }
        self.state.generation.fetch_add(1, Ordering::Relaxed);
    }

    fn leave(&self) {
        self.state.generation.fetch_add(1, Ordering::Relaxed);
    }

    fn stop(mut self) {
        self.state.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

// ---------------------------------------------------------------------------------
// Mutations

/// splitmix64.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }
}

/// The places of a token tree: before each token of the top level and of every
/// group, and at the end of each (to insert there).
fn slots(stream: &TokenStream) -> usize {
    let mut n = 1;
    for tt in stream.clone() {
        n += 1;
        if let TokenTree::Group(group) = tt {
            n += slots(&group.stream());
        }
    }
    n
}

/// Applies `f` to the token list holding the `slot`-th place (in `slots`' order),
/// with that place's index; `f` says whether it changed anything. Returns the new
/// stream, or `None` if nothing changed.
fn edit(
    stream: &TokenStream,
    slot: usize,
    f: &mut dyn FnMut(&mut Vec<TokenTree>, usize) -> bool,
) -> Option<TokenStream> {
    fn walk(
        stream: &TokenStream,
        counter: &mut usize,
        slot: usize,
        f: &mut dyn FnMut(&mut Vec<TokenTree>, usize) -> bool,
    ) -> Option<TokenStream> {
        let mut list: Vec<TokenTree> = stream.clone().into_iter().collect();
        for i in 0..=list.len() {
            if *counter == slot {
                return f(&mut list, i).then(|| list.into_iter().collect());
            }
            *counter += 1;
            if let Some(TokenTree::Group(group)) = list.get(i) {
                let before = *counter;
                if let Some(inner) = walk(&group.stream(), counter, slot, f) {
                    let mut new = Group::new(group.delimiter(), inner);
                    new.set_span(group.span());
                    list[i] = TokenTree::Group(new);
                    return Some(list.into_iter().collect());
                }
                if *counter > slot && before <= slot {
                    // The slot was inside the group and nothing changed.
                    return None;
                }
            }
        }
        None
    }
    walk(stream, &mut 0, slot, f)
}

/// Interesting replacements and insertions: what the macros look for, what they
/// reject, and the delimiters `macro_rules!` leaves behind.
fn interesting() -> Vec<Vec<TokenTree>> {
    let texts = [
        "?",
        "yield",
        "yield_",
        "yield_from",
        "!",
        "await",
        ".",
        "async",
        "move",
        "|",
        "#",
        "[for_await]",
        "#[for_await]",
        "#[yieldkit::for_await]",
        "r#type",
        "r#yield",
        "'l",
        "'l:",
        "'_",
        ":",
        "::",
        ";",
        ",",
        "=>",
        "->",
        "=",
        "&",
        "&mut",
        "..",
        "..=",
        "-",
        "<",
        ">",
        "for",
        "in",
        "if",
        "else",
        "let",
        "match",
        "loop",
        "while",
        "return",
        "break",
        "continue",
        "fn",
        "type",
        "Item",
        "impl",
        "dyn",
        "const",
        "unsafe",
        "self",
        "Self",
        "mut",
        "ref",
        "_",
        "0",
        "1u8",
        "\"s\"",
        "'c'",
        "1.5",
        "b\"x\"",
        "()",
        "[]",
        "{}",
        "(x)",
        "{ x }",
        "yield_!(1)",
        "yield_!()",
        "yield_from!(x)",
        "defer",
        "defer! { x; }",
        "defer! { x.await; }",
        "defer! { yield_!(1); }",
        "x?",
        "x.await",
        "|| yield_!(1)",
        "async { yield_!(1) }",
        "async { #[for_await] for x in s { return x?; } }",
        "stream! { yield 1; }",
        "iter! {}",
        "collect![x for x in y]",
        "for await x in s {}",
        "Coroutine",
        "AsyncCoroutine",
        "impl Coroutine<(), Yield = u8, Return = ()>",
        "boxed",
        "unboxed",
        "first = x",
        "try",
        "buffered(2)",
        "stream",
        "iter",
    ];
    let mut out: Vec<Vec<TokenTree>> = texts
        .iter()
        .map(|text| {
            text.parse::<TokenStream>()
                .unwrap_or_else(|err| panic!("{text:?}: {err}"))
                .into_iter()
                .collect()
        })
        .collect();
    // Invisible groups, as `macro_rules!` passes `$e:expr`: empty, and around
    // an expression.
    out.push(vec![TokenTree::Group(Group::new(
        Delimiter::None,
        TokenStream::new(),
    ))]);
    let expr: TokenStream = "1 + 2".parse().unwrap_or_default();
    out.push(vec![TokenTree::Group(Group::new(Delimiter::None, expr))]);
    let yielded: TokenStream = "yield_!(x)".parse().unwrap_or_default();
    out.push(vec![TokenTree::Group(Group::new(Delimiter::None, yielded))]);
    out
}

/// A change at one place of a token tree.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Op {
    /// Cut the list here.
    Truncate,
    /// Drop the token.
    Drop,
    /// Put it twice.
    Duplicate,
    /// Swap it with the next.
    Swap,
    /// Replace it with the `n`-th interesting token.
    Replace(usize),
    /// Insert the `n`-th interesting token.
    Insert(usize),
    /// A group's tokens in its place.
    Unwrap,
    /// The group, emptied.
    Empty,
    /// The token (and, if `true`, the next: `'l`, `x?`) in an invisible group.
    Wrap(bool),
    /// An identifier made raw: `x` to `r#x`.
    Raw,
}

impl Op {
    fn random(rng: &mut Rng, interesting: usize) -> Op {
        match rng.below(11) {
            0 => Op::Truncate,
            1 => Op::Drop,
            2 => Op::Duplicate,
            3 => Op::Swap,
            4 | 5 => Op::Replace(rng.below(interesting)),
            6 => Op::Insert(rng.below(interesting)),
            7 => Op::Unwrap,
            8 => Op::Empty,
            9 => Op::Wrap(rng.below(2) == 0),
            _ => Op::Raw,
        }
    }

    /// Applies the change to `list` at `i` (`list.len()` is its end); says whether it
    /// applied.
    fn apply(self, list: &mut Vec<TokenTree>, i: usize, interesting: &[Vec<TokenTree>]) -> bool {
        let at_token = i < list.len();
        match self {
            Op::Truncate if at_token => list.truncate(i),
            Op::Drop if at_token => {
                list.remove(i);
            }
            Op::Duplicate if at_token => list.insert(i, list[i].clone()),
            Op::Swap if i + 1 < list.len() => list.swap(i, i + 1),
            Op::Replace(n) if at_token => {
                list.splice(i..=i, interesting[n].iter().cloned());
            }
            Op::Insert(n) => {
                list.splice(i..i, interesting[n].iter().cloned());
            }
            Op::Unwrap | Op::Empty => {
                let Some(TokenTree::Group(group)) = list.get(i) else {
                    return false;
                };
                if self == Op::Unwrap {
                    let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                    list.splice(i..=i, inner);
                } else {
                    let mut empty = Group::new(group.delimiter(), TokenStream::new());
                    empty.set_span(group.span());
                    list[i] = TokenTree::Group(empty);
                }
            }
            Op::Wrap(two) if at_token => {
                let end = (i + 1 + usize::from(two)).min(list.len());
                let inner: TokenStream = list[i..end].iter().cloned().collect();
                let group = TokenTree::Group(Group::new(Delimiter::None, inner));
                list.splice(i..end, [group]);
            }
            Op::Raw => {
                let Some(TokenTree::Ident(ident)) = list.get(i) else {
                    return false;
                };
                let name = ident.to_string();
                // The names that cannot be raw (`Ident::new_raw` rejects them).
                if name.starts_with("r#")
                    || ["self", "Self", "super", "crate", "_"].contains(&name.as_str())
                {
                    return false;
                }
                list[i] = TokenTree::Ident(proc_macro2::Ident::new_raw(&name, ident.span()));
            }
            _ => return false,
        }
        true
    }
}

/// One random mutation of `stream`, at a random place; `None` if the one drawn does not
/// apply there.
fn mutate(
    stream: &TokenStream,
    rng: &mut Rng,
    interesting: &[Vec<TokenTree>],
) -> Option<TokenStream> {
    let slot = rng.below(slots(stream));
    let op = Op::random(rng, interesting.len());
    edit(stream, slot, &mut |list, i| op.apply(list, i, interesting))
}

/// Tokens as text, with invisible groups shown as `⟦..⟧` (they print as nothing).
fn show(stream: &TokenStream) -> String {
    let mut out = String::new();
    let mut joint = false;
    for tt in stream.clone() {
        if !out.is_empty() && !joint {
            out.push(' ');
        }
        joint = false;
        match tt {
            TokenTree::Group(group) => {
                let inner = show(&group.stream());
                let (open, close) = match group.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Brace => ("{ ", " }"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::None => ("⟦", "⟧"),
                };
                let _ = write!(out, "{open}{inner}{close}");
            }
            TokenTree::Punct(punct) => {
                out.push(punct.as_char());
                joint = punct.spacing() == Spacing::Joint;
            }
            other => {
                let _ = write!(out, "{other}");
            }
        }
    }
    out
}

fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut} …")
    }
}

// ---------------------------------------------------------------------------------
// The seed corpus

/// Every seed, deduplicated: the curated list, then what the repository's tests,
/// snapshots and guide hold.
fn corpus() -> Vec<Case> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut cases = curated();
    for file in corpus_files(&root) {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        if file.extension().is_some_and(|ext| ext == "md") {
            for example in doc_examples(&text) {
                cases.extend(from_source(&example));
            }
        } else {
            cases.extend(from_source(&text));
        }
    }
    for case in cases {
        let key = format!("{}|{}|{}", case.target, case.attr, case.input);
        if seen.insert(key) {
            out.push(case);
        }
    }
    out
}

fn corpus_files(root: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for path in entries {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            if path.is_dir() {
                walk(&path, out);
            } else if (name.ends_with(".rs") && !name.ends_with(".expanded.rs"))
                || name.ends_with(".md")
            {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    for dir in [
        "tests/expand",
        "tests/tests",
        "tests/ui",
        "tests/lints/src",
        "tests/auxiliary",
        "examples",
        "runtime/src/docs",
    ] {
        walk(&root.join(dir), &mut out);
    }
    out
}

/// The Rust examples of a Markdown file, each wrapped in a function (they are
/// statements), with rustdoc's hidden `# ` lines shown.
fn doc_examples(markdown: &str) -> Vec<String> {
    enum State {
        Prose,
        Rust(String),
        Other,
    }
    let mut out = Vec::new();
    let mut state = State::Prose;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if let Some(info) = trimmed.strip_prefix("```") {
            state = match state {
                State::Rust(code) => {
                    out.push(format!("fn __doc_example() {{\n{code}\n}}"));
                    State::Prose
                }
                State::Other => State::Prose,
                State::Prose => {
                    let rust = info.split(',').map(str::trim).all(|tag| {
                        matches!(
                            tag,
                            "" | "rust" | "compile_fail" | "no_run" | "ignore" | "should_panic"
                        ) || tag.starts_with("edition")
                    });
                    if rust {
                        State::Rust(String::new())
                    } else {
                        State::Other
                    }
                }
            };
            continue;
        }
        if let State::Rust(code) = &mut state {
            let line = match trimmed.strip_prefix('#') {
                Some("") => "",
                Some(rest) if rest.starts_with(' ') => &rest[1..],
                _ => line,
            };
            code.push_str(line);
            code.push('\n');
        }
    }
    out
}

/// The attribute forms' functions (by parsing `text` with syn) and the block forms'
/// and `collect!`'s inputs (by scanning its tokens at every depth) in `text`.
fn from_source(text: &str) -> Vec<Case> {
    let mut out = Vec::new();
    if let Ok(mut file) = syn::parse_file(text) {
        let mut functions = Functions(Vec::new());
        functions.visit_file_mut(&mut file);
        out.extend(functions.0);
    }
    if let Ok(tokens) = text.parse::<TokenStream>() {
        macro_inputs(&tokens, &mut out);
    }
    out
}

/// Functions under one of the attributes, with that attribute taken off.
struct Functions(Vec<Case>);

impl Functions {
    fn take(
        &mut self,
        attrs: &[syn::Attribute],
        item: impl Fn(Vec<syn::Attribute>) -> TokenStream,
    ) {
        for (i, attr) in attrs.iter().enumerate() {
            let segments = &attr.path().segments;
            let ours =
                segments.len() == 1 || (segments.len() == 2 && segments[0].ident == "yieldkit");
            let Some(last) = segments.last() else {
                continue;
            };
            let form = match last.ident.to_string().as_str() {
                "async_gen" => FormKey::AsyncGen,
                "generator" => FormKey::Generator,
                "coroutine" => FormKey::Coroutine,
                "for_await" => FormKey::ForAwait,
                _ => continue,
            };
            if !ours {
                continue;
            }
            let args = match &attr.meta {
                syn::Meta::List(list) => list.tokens.clone(),
                syn::Meta::Path(_) => TokenStream::new(),
                syn::Meta::NameValue(nv) => nv.value.to_token_stream(),
            };
            let mut rest = attrs.to_vec();
            rest.remove(i);
            self.0.push(Case {
                target: Target::Attr(form),
                attr: args,
                input: item(rest),
            });
        }
    }
}

impl VisitMut for Functions {
    fn visit_item_fn_mut(&mut self, f: &mut syn::ItemFn) {
        self.take(&f.attrs, |attrs| {
            syn::ItemFn { attrs, ..f.clone() }.to_token_stream()
        });
        visit_mut::visit_item_fn_mut(self, f);
    }

    fn visit_impl_item_fn_mut(&mut self, f: &mut syn::ImplItemFn) {
        self.take(&f.attrs, |attrs| {
            syn::ImplItemFn { attrs, ..f.clone() }.to_token_stream()
        });
        visit_mut::visit_impl_item_fn_mut(self, f);
    }

    fn visit_trait_item_fn_mut(&mut self, f: &mut syn::TraitItemFn) {
        self.take(&f.attrs, |attrs| {
            syn::TraitItemFn { attrs, ..f.clone() }.to_token_stream()
        });
        visit_mut::visit_trait_item_fn_mut(self, f);
    }
}

/// `stream! {..}`, `iter! {..}`, `collect![..]` (bare or under a path) at any depth.
fn macro_inputs(tokens: &TokenStream, out: &mut Vec<Case>) {
    let list: Vec<TokenTree> = tokens.clone().into_iter().collect();
    for (i, tt) in list.iter().enumerate() {
        match tt {
            TokenTree::Ident(ident) => {
                let target = match ident.to_string().as_str() {
                    "stream" => Target::Block(FormKey::AsyncGen),
                    "iter" => Target::Block(FormKey::Generator),
                    "collect" => Target::Collect,
                    _ => continue,
                };
                if let (Some(TokenTree::Punct(bang)), Some(TokenTree::Group(group))) =
                    (list.get(i + 1), list.get(i + 2))
                    && bang.as_char() == '!'
                {
                    out.push(Case {
                        target,
                        attr: TokenStream::new(),
                        input: group.stream(),
                    });
                }
            }
            TokenTree::Group(group) => macro_inputs(&group.stream(), out),
            _ => {}
        }
    }
}

/// Valid inputs of every macro, written out: the corpus without the repository's
/// files, and the oracle's check (`curated_seeds_expand_cleanly`).
fn curated() -> Vec<Case> {
    let attr = |form: FormKey, attr: &str, item: &str| Case {
        target: Target::Attr(form),
        attr: parse(attr),
        input: parse(item),
    };
    let block = |form: FormKey, input: &str| Case {
        target: Target::Block(form),
        attr: TokenStream::new(),
        input: parse(input),
    };
    let collect = |input: &str| Case {
        target: Target::Collect,
        attr: TokenStream::new(),
        input: parse(input),
    };
    use FormKey::{AsyncGen, Coroutine, ForAwait, Generator};
    vec![
        attr(
            AsyncGen,
            "",
            "async fn f(n: u32) -> u32 { for i in 0..n { yield_!(i); } }",
        ),
        attr(
            AsyncGen,
            "boxed",
            "pub async fn leaves<'a, T: Clone>(tree: &'a [T], (a, b): (u8, u8), mut n: usize) -> T \
             where T: Send { #[for_await] 'outer: for x in s() { if n == 0 { break 'outer; } \
             n -= 1; yield_!(x); } yield_from!(other(a, b)); let v: u32 = \"1\".parse()?; \
             yield_!(tree[0].clone()); return; }",
        ),
        attr(
            AsyncGen,
            "boxed_local",
            "async fn m(&self, needle: &str) -> Result<u8, E> { let x = f().await?; \
             futures::select! { a = fa => yield_!(Ok(a)), } yield_!(Ok(x)); }",
        ),
        attr(
            Generator,
            "",
            "fn fib() -> u64 { let (mut a, mut b) = (0, 1); loop { yield_!(a); (a, b) = (b, a + b); } }",
        ),
        attr(
            Generator,
            "unboxed",
            "fn sq(&mut self, n: u32) -> u32 { for i in 1..=n { yield_!(i * i); } }",
        ),
        attr(
            Generator,
            "boxed",
            "fn countdown(n: u32) -> Result<u32, E> { if n > 0 { yield_!(Ok(n)); \
             yield_from!(countdown(n - 1)); } let _x = g()?; yield_!(Ok(vec![yield_!(Ok(1))].len() as u32)); }",
        ),
        attr(
            Coroutine,
            "first = first",
            "fn averager() -> impl Coroutine<f64, Yield = f64, Return = ()> { let (mut total, \
             mut count) = (first, 1.0); loop { let term = yield_!(total / count); total += term; \
             count += 1.0; } }",
        ),
        attr(
            Coroutine,
            "",
            "async fn w(conn: &Conn) -> impl yieldkit::AsyncCoroutine<Option<String>, Yield = usize, \
             Return = usize> + '_ { let got = yield_!(1); conn.send(got).await; \
             let r = yield_from!(inner(), None); if r > 2 { return r; } let v: u8 = p()?; r }",
        ),
        attr(
            Coroutine,
            "boxed",
            "fn d(&self) -> impl Coroutine<(), Yield = u32, Return = &'static str> + Send { \
             yield_!(1); yield_!(); \"done\" }",
        ),
        attr(
            ForAwait,
            "",
            "async fn sum(n: u64) -> u64 { let mut total = 0; #[for_await] for x in squares(n) { \
             total += x; } total }",
        ),
        // `&impl Trait` under `boxed`, and a top-level or-pattern in `for await`.
        attr(
            AsyncGen,
            "boxed_local",
            "async fn show(sep: &impl Display, xs: &mut impl Iterator<Item = u8>) -> String { \
             yield_!(format!(\"{sep}\")); }",
        ),
        attr(
            AsyncGen,
            "",
            "async fn either(s: S) -> u32 { #[for_await] for Ok(x) | Err(x) in s { yield_!(x); } }",
        ),
        block(AsyncGen, "for await Ok(x) | Err(x) in s { yield x; }"),
        collect("x for await Ok(x) | Err(x) in s"),
        block(AsyncGen, "for word in words { yield word.len(); }"),
        block(
            AsyncGen,
            "type Item = Result<u8, E>; for await n in lengths { yield Ok(n * 2); } \
             let v = text.parse()?; yield Ok(v); yield_!(Ok(1)); yield_from!(s);",
        ),
        block(
            Generator,
            "for i in 0..limit { if i % 2 == 0 { yield i; } }",
        ),
        block(
            Generator,
            "type Item = (char, u8); for c in ['a', 'b'] { yield_from!((1..=2).map(|n| (c, n))); }",
        ),
        // `defer!`: regions around loops, nested scopes, every exit out of them, in
        // each form (a coroutine's deferred code may `return`).
        attr(
            AsyncGen,
            "",
            "async fn rows(pool: &Pool) -> Result<Row, E> { let mut tx = pool.begin().await?; \
             defer! { tx.rollback().await; } 'l: for q in qs() { defer! { log(q); } \
             #[for_await] for row in tx.query(q) { if row.is_last() { break 'l; } \
             yield_!(Ok(row)); } let n: u8 = p()?; if n == 0 { continue; } return; } }",
        ),
        attr(
            AsyncGen,
            "boxed, closable",
            "async fn f() -> u8 { defer! { g().await; } yield_from!(h()); }",
        ),
        attr(
            Generator,
            "",
            "fn g(n: u8) -> u8 { let v = 'b: { defer! { done(); } if n == 0 { break 'b 1; } \
             yield_!(n); 2 }; yield_!(v); yield_from!(other()); }",
        ),
        attr(
            Coroutine,
            "first = first",
            "async fn c(conn: &Conn) -> impl AsyncCoroutine<u8, Yield = u8, Return = u8> + '_ { \
             let mut n = first; defer! { conn.flush().await; return n; } \
             loop { n = yield_!(n); if n == 0 { return 0; } n = yield_from!(sub(), n); } }",
        ),
        attr(
            ForAwait,
            "",
            "async fn h(s: S) -> Result<u8, E> { defer! { s2.close().await; } \
             #[for_await] for x in s { x?; } Ok(0) }",
        ),
        block(
            AsyncGen,
            "defer! { cleanup().await; } for await x in s { defer! { one(x); } yield x; }",
        ),
        block(
            Generator,
            "for i in 0..3 { defer! { if i == 1 { continue; } } yield i; }",
        ),
        // Loops in `async` blocks and closures are regions of their own.
        attr(
            AsyncGen,
            "",
            "async fn f(s: S) -> u8 { let n = async { 'o: { #[for_await] for x in s() { \
             if x == 0 { break 'o; } if x == 1 { return 2; } x?; } } 0 }.await; \
             let g = async move |t: T| { #[for_await] for y in t { return y; } 0 }; \
             yield_!(n + g(t).await); }",
        ),
        collect("w => w.len() for w in words"),
        collect("w.to_uppercase() for await w in stream::iter(words) if is_short(w).await"),
        collect("fetch(id).await for id in ids; try"),
        collect("fetch(*id).await for id in &[1, 20, 2]; buffered(2), try"),
        collect("fetch(x).await for await x in s() for y in ys; stream, buffer_unordered(3), try"),
        collect("x * x for x in 1.. if x % 3 == 0; iter"),
        collect("x for await x in futures::stream::iter(0..6) if x % 2 == 0; stream"),
        collect(
            "(x, y) for x: u8 in xs let y = x + 1 if let Some(z) = f(y) && z > 0 for w in ws; buffer_unordered(n)",
        ),
    ]
}

fn parse(text: &str) -> TokenStream {
    text.parse()
        .unwrap_or_else(|err| panic!("a curated seed does not tokenize: {text:?}: {err}"))
}
