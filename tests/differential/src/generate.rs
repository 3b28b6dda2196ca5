//! The program generator: random generator bodies from a seed, each rendered in every
//! form of yieldkit it is valid in and as a reference plain function.
//!
//! Shared by the build scripts of `yieldkit-differential` (edition 2024) and
//! `yieldkit-differential-2021` (through `#[path]`), and compiled into the library so that
//! it is linted like the rest. It must therefore be valid in both editions, and it uses
//! nothing but `std`.
//!
//! A body is a tree of [`Node`]s: text, plus the few constructs whose spelling differs
//! between the forms (yields, `?`, `return`, `.await`, loops and their labels,
//! `for await` / `yield_from!`, `select!`, the tail expression). [`Gen`] builds the
//! tree while tracking what is in scope (so that the program type- and borrow-checks),
//! and [`Render`] spells it for one target.

use std::fmt::Write as _;

/// The environment variables the build scripts read (and rerun on).
pub const ENV_VARS: [&str; 4] = [
    "YIELDKIT_DIFF_SEED",
    "YIELDKIT_DIFF_CASES",
    "YIELDKIT_DIFF_FIRST",
    "YIELDKIT_DIFF_AREAS",
];

/// The seed of the default run.
pub const DEFAULT_SEED: u64 = 0xa6e0_d1ff_2026;

/// Bodies per edition in the default run.
pub const DEFAULT_CASES: usize = 2000;

/// How many generated files (test targets) the cases are split into, so that cargo
/// compiles them in parallel.
pub const PARTS: usize = 2;

/// Constructs that yieldkit once got wrong (the default run generates them all): each
/// can be switched off, to tell which one a failure needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
#[expect(clippy::struct_excessive_bools, reason = "one switch per area")]
pub struct Areas {
    /// (a) `#[cfg(..)]` on statements that are a yield, a `?` or a `return`.
    pub cfg_on_exits: bool,
    /// (b) A body whose tail expression has a temporary with a destructor.
    pub tail_temporaries: bool,
    /// (c) Drop guards among the function's arguments (the block forms' captures).
    pub argument_drops: bool,
    /// (d) A yield inside the value of another yield.
    pub nested_yields: bool,
    /// (e) A labelled `'l: for await` inside `stream!`.
    pub labelled_block_for_await: bool,
    /// (f) `futures::select!` whose handlers yield or use `?`.
    pub select: bool,
    /// (g) Temporaries with destructors in the value of a yield (found by this test:
    /// in edition 2024 yieldkit dropped them when the yield resumed, not at the end of
    /// the statement).
    pub yield_value_temporaries: bool,
    /// (h) `defer!` blocks, whose code runs when their block is left and when the
    /// consumer closes the generator (every run is also closed after every item).
    pub defer: bool,
}

impl Areas {
    /// Every area's letter, name and flag.
    fn table(&mut self) -> [(char, &'static str, &mut bool); 8] {
        [
            ('a', "cfg_on_exits", &mut self.cfg_on_exits),
            ('b', "tail_temporaries", &mut self.tail_temporaries),
            ('c', "argument_drops", &mut self.argument_drops),
            ('d', "nested_yields", &mut self.nested_yields),
            (
                'e',
                "labelled_block_for_await",
                &mut self.labelled_block_for_await,
            ),
            ('f', "select", &mut self.select),
            (
                'g',
                "yield_value_temporaries",
                &mut self.yield_value_temporaries,
            ),
            ('h', "defer", &mut self.defer),
        ]
    }

    /// The areas of the default run: all of them.
    #[must_use]
    pub fn default_run() -> Self {
        Self::all()
    }

    /// Parses `YIELDKIT_DIFF_AREAS`: `all`, `none`, or a comma-separated list of letters
    /// (`a,c`) or names (`cfg_on_exits`): those areas only. A list whose first word
    /// starts with `+` or `-` adjusts `defaults` instead: `+c` switches (c) on,
    /// `-a,-b` switches (a) and (b) off.
    ///
    /// # Errors
    /// An unknown area.
    pub fn parse(spec: &str, defaults: Self) -> Result<Self, String> {
        let spec = spec.trim();
        let mut areas = if spec.starts_with('-') || spec.starts_with('+') {
            defaults
        } else if spec.starts_with("all") {
            Self::all()
        } else {
            Self::default()
        };
        for word in spec.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            if word == "all" || word == "none" {
                continue;
            }
            let (on, name) = match (word.strip_prefix('-'), word.strip_prefix('+')) {
                (Some(name), _) => (false, name),
                (_, Some(name)) => (true, name),
                _ => (true, word),
            };
            let mut found = false;
            for (letter, long, flag) in areas.table() {
                if name == long || name.len() == 1 && name.starts_with(letter) {
                    *flag = on;
                    found = true;
                }
            }
            if !found {
                return Err(format!(
                    "unknown area `{name}` in YIELDKIT_DIFF_AREAS (known: a..h, or their names)"
                ));
            }
        }
        Ok(areas)
    }

    /// Every area on.
    #[must_use]
    pub fn all() -> Self {
        let mut areas = Self::default();
        for (_, _, flag) in areas.table() {
            *flag = true;
        }
        areas
    }

    /// The areas that are on, as letters (`a,c`), or `none`.
    #[must_use]
    pub fn letters(mut self) -> String {
        let on: Vec<String> = self
            .table()
            .into_iter()
            .filter(|(_, _, flag)| **flag)
            .map(|(letter, _, _)| letter.to_string())
            .collect();
        if on.is_empty() {
            "none".to_string()
        } else {
            on.join(",")
        }
    }
}

/// What to generate.
#[derive(Clone, Debug)]
pub struct Config {
    /// The run's seed; each case's own seed is derived from it and the case's index.
    pub seed: u64,
    /// The index of the first case.
    pub first: usize,
    /// How many cases.
    pub cases: usize,
    /// The areas to generate.
    pub areas: Areas,
    /// The edition the output is compiled in (only reported).
    pub edition: &'static str,
}

impl Config {
    /// The configuration from the environment (see [`ENV_VARS`]), with `areas` as the
    /// default set of areas.
    ///
    /// # Errors
    /// A variable that does not parse.
    pub fn from_env(edition: &'static str, areas: Areas) -> Result<Self, String> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let number = |name: &str, text: String| {
            let text = text.trim().replace('_', "");
            let parsed = match text.strip_prefix("0x") {
                Some(hex) => u64::from_str_radix(hex, 16),
                None => text.parse(),
            };
            parsed.map_err(|e| format!("{name}={text}: {e}"))
        };
        let seed = match var("YIELDKIT_DIFF_SEED") {
            Some(text) => number("YIELDKIT_DIFF_SEED", text)?,
            None => DEFAULT_SEED,
        };
        let count = |name: &str, default: usize| match var(name) {
            Some(text) => number(name, text)
                .and_then(|n| usize::try_from(n).map_err(|e| format!("{name}: {e}"))),
            None => Ok(default),
        };
        let areas = match var("YIELDKIT_DIFF_AREAS") {
            Some(spec) => Areas::parse(&spec, areas)?,
            None => areas,
        };
        Ok(Self {
            seed,
            first: count("YIELDKIT_DIFF_FIRST", 0)?,
            cases: count("YIELDKIT_DIFF_CASES", DEFAULT_CASES)?,
            areas,
            edition,
        })
    }
}

/// A build script's work: reads the configuration from the environment (`areas`: the
/// default areas), writes the [`PARTS`] generated files to `OUT_DIR/part{i}.rs`, and
/// tells cargo when to do it again (`source`: the path of this file from the package).
///
/// # Panics
/// On a bad environment variable, or when a file cannot be written.
pub fn emit(edition: &'static str, areas: Areas, source: &str) {
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=build.rs");
    for var in ENV_VARS {
        println!("cargo:rerun-if-env-changed={var}");
    }
    let config = Config::from_env(edition, areas).unwrap_or_else(|e| panic!("{e}"));
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    for (i, part) in generate(&config).iter().enumerate() {
        let path = std::path::Path::new(&out).join(format!("part{i}.rs"));
        std::fs::write(&path, part)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
}

/// The generated sources: [`PARTS`] files, each a list of case modules and a
/// `CASES` table.
#[must_use]
pub fn generate(config: &Config) -> Vec<String> {
    let mut parts: Vec<(String, String)> = vec![(String::new(), String::new()); PARTS];
    for index in config.first..config.first + config.cases {
        let seed = case_seed(config.seed, index);
        let case = Gen::case(seed, index, &config.areas);
        let (modules, table) = &mut parts[index % PARTS];
        render_case(&case, &config.areas, modules, table);
    }
    parts
        .into_iter()
        .enumerate()
        .map(|(part, (modules, table))| {
            format!(
                "// @generated by yieldkit-differential's generator: edition {}, seed {:#x}, \
                 cases {}..{} (part {part} of {PARTS}), areas: {}.\n\n\
                 use yieldkit_differential::support::*;\n\
                 use yieldkit::{{AsyncCoroutine, Coroutine}};\n\n\
                 {modules}\n\
                 pub static CASES: &[Case] = &[\n{table}];\n",
                config.edition,
                config.seed,
                config.first,
                config.first + config.cases,
                config.areas.letters(),
            )
        })
        .collect()
}

/// The seed of case `index` of a run: a case can be generated alone.
#[must_use]
pub fn case_seed(seed: u64, index: usize) -> u64 {
    let mut rng = Rng(seed ^ (index as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    rng.next();
    rng.next()
}

/// SplitMix64.
#[derive(Clone, Debug)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One of the choices whose weight is not zero (the first if none).
    fn weighted<T: Copy>(&mut self, choices: &[(usize, T)]) -> T {
        let total: usize = choices.iter().map(|(w, _)| w).sum();
        if total == 0 {
            return choices[0].1;
        }
        let mut pick = self.below(total);
        for &(weight, choice) in choices {
            if pick < weight {
                return choice;
            }
            pick -= weight;
        }
        choices[0].1
    }
}

/// A body, or part of one.
#[derive(Clone, Debug)]
enum Node {
    /// Spelled the same in every target.
    Text(String),
    Seq(Vec<Node>),
    /// A yield of a `Res` value; `expr`: in expression position.
    Yield {
        value: Box<Node>,
        expr: bool,
        /// In the block forms: `yield v` rather than `yield_!(v)`.
        keyword: bool,
    },
    /// `value?`, `value` a `Res`.
    Try(Box<Node>),
    Return,
    /// `pending_once(value).await`.
    Await(Box<Node>),
    /// `(future).await`, the future an `async` block (the reference: `block_on(..)`).
    AwaitFuture(Box<Node>),
    Loop(Box<Loop>),
    Break {
        target: usize,
        value: Option<Box<Node>>,
        label: bool,
    },
    Continue {
        target: usize,
        label: bool,
        /// The target is a loop over a nested generator (inlined by the reference).
        inline: bool,
    },
    Each(Box<Each>),
    /// `futures::select!` with one ready branch.
    Select {
        binding: String,
        value: Box<Node>,
        body: Box<Node>,
    },
    /// The body's tail expression, a temporary guard.
    Tail(u32),
    /// `defer! { log.deferred(id, value); }` (the reference: a stand-in local that
    /// logs the same when dropped, see `support::Log::defer_guard`).
    Defer {
        id: u32,
        /// The nesting of generators it is in (0: the body itself).
        level: usize,
        /// An `i64` the deferred code reads: of locals that stay as they are.
        value: Box<Node>,
        /// The deferred code awaits the value (`pending_once(value).await`).
        awaits: bool,
        /// Written `yieldkit::defer!`.
        qualified: bool,
    },
}

fn text(s: impl Into<String>) -> Node {
    Node::Text(s.into())
}

#[derive(Clone, Debug)]
struct Loop {
    id: usize,
    label: bool,
    head: Head,
    body: Node,
}

#[derive(Clone, Debug)]
enum Head {
    For {
        pat: String,
        iter: Node,
    },
    While(Node),
    Loop,
    /// A labelled block (always labelled).
    Block,
}

/// A loop over a nested generator or a list (`for await`, `for`), or a `yield_from!`.
#[derive(Clone, Debug)]
struct Each {
    id: usize,
    label: bool,
    /// In `stream!`, `#[for_await] for` rather than `for await`.
    attr_style: bool,
    binding: String,
    source: Source,
    /// For `yield_from!`, a yield of the binding.
    body: Node,
    delegate: bool,
}

#[derive(Clone, Debug)]
enum Source {
    /// `stream! { .. }` (async) or `iter! { .. }`.
    Inner { is_async: bool, body: Node },
    /// `futures::stream::iter(vec![..])` (async) or `vec![..]`.
    Values { is_async: bool, values: Vec<String> },
}

impl Source {
    fn is_async(&self) -> bool {
        match self {
            Source::Inner { is_async, .. } | Source::Values { is_async, .. } => *is_async,
        }
    }
}

/// A generated case.
#[derive(Debug)]
struct Case {
    index: usize,
    seed: u64,
    /// Uses `.await` or `for await`: only the async forms.
    is_async: bool,
    args: Vec<Arg>,
    body: Node,
    tail: Option<u32>,
}

#[derive(Debug)]
struct Arg {
    name: String,
    guard: bool,
    value: String,
}

// ---------------------------------------------------------------------------------
// Generation

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Int,
    Guard,
    GuardRef,
    GuardVec,
    Item,
    /// A `move` closure owning a guard, returning its id.
    Closure,
}

#[derive(Clone, Debug)]
struct Var {
    name: String,
    kind: Kind,
    /// An `Int` the body may assign.
    assignable: bool,
    /// Not moved out of.
    live: bool,
    /// May be moved out of (a guard not borrowed).
    movable: bool,
    /// The loop nesting at its declaration: moved only at the same depth.
    loop_depth: usize,
    /// An immutable `Int`: a nested generator may capture it (by copy).
    capturable: bool,
    /// In a nested generator's body, captured from the body around it: never shadowed
    /// there (the reference inlines that body around the loop body, which would then
    /// see the shadow instead of the variable it names).
    captured: bool,
}

#[derive(Clone, Copy, Debug)]
struct LoopCx {
    id: usize,
    labelled: bool,
    /// `loop` whose `break` carries a value.
    value: bool,
    inline: bool,
    /// Not a loop: `break` / `continue` cannot cross it (a `select!` handler).
    barrier: bool,
    /// A labelled block: only `break 'label` targets it.
    block: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StmtKind {
    LetInt,
    Assign,
    GuardLet,
    GuardRef,
    GuardVec,
    Move,
    Yield,
    Try,
    TempGuard,
    If,
    Match,
    LetElse,
    ForRange,
    ForVec,
    While,
    LoopStmt,
    LoopValue,
    Jump,
    Return,
    Each,
    YieldFrom,
    Select,
    Block,
    UseItem,
    IfLet,
    LabelledBlock,
    Closure,
    Defer,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ExprKind {
    Lit,
    Var,
    Add,
    GuardRead,
    TempGuard,
    TakeTemp,
    TakeVar,
    YieldThen,
    ValueBlock,
    Vec,
    Format,
    Try,
    Await,
    If,
    ItemRead,
    Call,
    AsyncBlock,
}

/// A statement: `pre` (say, a loop's counter) goes before the `#[cfg]` attribute,
/// which applies to `main`; `exit`: `main` is a yield, `?` or `return` statement.
struct Stmt {
    pre: Vec<Node>,
    main: Node,
    exit: bool,
    /// An assignment: an attribute on it would be on its left-hand side.
    no_cfg: bool,
}

impl Stmt {
    fn new(main: Node) -> Self {
        Self {
            pre: Vec::new(),
            main,
            exit: false,
            no_cfg: false,
        }
    }

    /// `;`, which takes no attribute.
    fn empty() -> Self {
        Self {
            no_cfg: true,
            ..Self::new(text(";"))
        }
    }

    fn exit(main: Node) -> Self {
        Self {
            pre: Vec::new(),
            main,
            exit: true,
            no_cfg: false,
        }
    }
}

/// Items a body may yield, at most (an estimate from loop bounds): the consumer is
/// stopped after every prefix, so the cost of a case grows with its square.
const MAX_ITEMS: usize = 16;

struct Gen<'a> {
    rng: Rng,
    areas: &'a Areas,
    /// The body may await (only async forms).
    is_async: bool,
    next_id: usize,
    next_guard: u32,
    vars: Vec<Var>,
    scopes: Vec<usize>,
    loops: Vec<LoopCx>,
    /// How many times the code being generated may run.
    mult: usize,
    /// Items the code so far may yield.
    items: usize,
    max_items: usize,
    /// Statements left in the body.
    size: usize,
    depth: usize,
    /// Nesting of generators in generators.
    inner_depth: usize,
    /// Generating the value of a yield.
    in_yield_value: bool,
    /// Inside code where a `defer!` cannot be generated: another macro's input (a
    /// `select!` handler), or the body of a nested sync generator (a plain `for` loop
    /// over it drops it rather than closing it, and which loop a body's nested
    /// generator gets depends on the form).
    no_defer: usize,
    /// The statements being generated are those of a block with a tail expression: no
    /// `defer!` among them (in edition 2021 the tail's temporaries outlive the block's
    /// locals, and so a stand-in's drop, but not a `defer!`'s code).
    block_has_tail: bool,
    /// A `defer!` among the body's own statements: no tail expression then.
    top_defer: bool,
}

impl<'a> Gen<'a> {
    fn case(seed: u64, index: usize, areas: &'a Areas) -> Case {
        let mut rng = Rng(seed);
        let is_async = rng.chance(40);
        let size = 3 + rng.below(8);
        let mut g = Gen {
            rng,
            areas,
            is_async,
            next_id: 0,
            next_guard: 1,
            vars: Vec::new(),
            scopes: Vec::new(),
            loops: Vec::new(),
            mult: 1,
            items: 0,
            max_items: MAX_ITEMS,
            size,
            depth: 0,
            inner_depth: 0,
            in_yield_value: false,
            no_defer: 0,
            block_has_tail: false,
            top_defer: false,
        };
        g.push_scope();
        let mut args = Vec::new();
        for _ in 0..g.rng.below(3) {
            let name = g.fresh("n");
            let value = g.rng.below(7).to_string();
            g.declare(&name, Kind::Int, false);
            args.push(Arg {
                name,
                guard: false,
                value,
            });
        }
        if areas.argument_drops {
            for _ in 0..g.rng.below(3) {
                let name = g.fresh("a");
                let id = g.guard_id();
                g.declare(&name, Kind::Guard, false);
                args.push(Arg {
                    name,
                    guard: true,
                    value: format!("log.guard({id})"),
                });
            }
            // Arguments are in the function's order; shuffle their kinds a little.
            if g.rng.chance(50) {
                args.reverse();
            }
        }
        let mut stmts = Vec::new();
        while g.size > 0 {
            stmts.push(g.stmt());
        }
        let tail =
            (areas.tail_temporaries && !g.top_defer && g.rng.chance(50)).then(|| g.guard_id());
        Case {
            index,
            seed,
            is_async,
            args,
            body: Node::Seq(stmts),
            tail,
        }
    }

    fn fresh(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        format!("{prefix}{}", self.next_id)
    }

    fn fresh_id(&mut self) -> usize {
        self.next_id += 1;
        self.next_id
    }

    fn guard_id(&mut self) -> u32 {
        let id = self.next_guard;
        self.next_guard += 1;
        id
    }

    fn push_scope(&mut self) {
        self.scopes.push(self.vars.len());
    }

    fn pop_scope(&mut self) {
        let start = self.scopes.pop().unwrap_or(0);
        self.vars.truncate(start);
    }

    /// `let name: i64 = value;`, the local declared for the statements after it when
    /// `enabled`.
    fn let_int(&mut self, name: String, value: Node, enabled: bool) -> Node {
        if enabled {
            self.declare(&name, Kind::Int, false);
        }
        Node::Seq(vec![text(format!("let {name}: i64 = ")), value, text(";")])
    }

    fn declare(&mut self, name: &str, kind: Kind, assignable: bool) {
        self.vars.push(Var {
            name: name.to_string(),
            kind,
            assignable,
            live: true,
            movable: matches!(kind, Kind::Guard | Kind::GuardVec | Kind::Closure),
            loop_depth: self.loops.len(),
            capturable: kind == Kind::Int && !assignable,
            captured: false,
        });
    }

    /// The live variables of `kind`'s indexes.
    fn find(&self, kind: Kind) -> Vec<usize> {
        (0..self.vars.len())
            .filter(|&i| self.vars[i].kind == kind && self.vars[i].live)
            .collect()
    }

    fn pick(&mut self, kind: Kind) -> Option<usize> {
        let found = self.find(kind);
        (!found.is_empty()).then(|| found[self.rng.below(found.len())])
    }

    /// A variable that may be moved out of here.
    fn pick_movable(&mut self, kind: Kind) -> Option<usize> {
        let depth = self.loops.len();
        let found: Vec<usize> = self
            .find(kind)
            .into_iter()
            .filter(|&i| self.vars[i].movable && self.vars[i].loop_depth == depth)
            .collect();
        (!found.is_empty()).then(|| found[self.rng.below(found.len())])
    }

    fn can_yield(&self) -> bool {
        self.items + self.mult <= self.max_items
            && (!self.in_yield_value || self.areas.nested_yields)
    }

    /// The loops (and labelled blocks) a `break` or `continue` here may target,
    /// innermost first, each with whether its jump may be unlabelled: only the
    /// innermost, if it is a loop (an unlabelled jump directly in a labelled block is
    /// an error).
    fn jump_targets(&self) -> Vec<(LoopCx, bool)> {
        let mut targets = Vec::new();
        for (i, lp) in self.loops.iter().rev().enumerate() {
            if lp.barrier {
                break;
            }
            let innermost = i == 0 && !lp.block;
            if innermost || lp.labelled {
                targets.push((*lp, innermost));
            }
        }
        targets
    }

    fn stmt(&mut self) -> Node {
        self.size = self.size.saturating_sub(1);
        let cfg = match self.rng.below(100) {
            0..=3 => Some("#[cfg(all())] "),
            4..=7 => Some("#[cfg(any())] "),
            _ => None,
        };
        let enabled = cfg != Some("#[cfg(any())] ");
        let stmt = self.stmt_kind(enabled);
        let mut nodes = stmt.pre;
        let attr = cfg.filter(|_| !stmt.no_cfg && (!stmt.exit || self.areas.cfg_on_exits));
        if let Some(attr) = attr {
            nodes.push(text(attr));
        }
        nodes.push(stmt.main);
        nodes.push(text("\n"));
        Node::Seq(nodes)
    }

    /// A block of at most `max` statements (at least one), in its own scope.
    fn block(&mut self, max: usize) -> Node {
        self.block_with_tail(max, false)
    }

    /// [`Gen::block`], for a block that the caller ends with a tail expression when
    /// `tail`.
    fn block_with_tail(&mut self, max: usize, tail: bool) -> Node {
        let saved_tail = std::mem::replace(&mut self.block_has_tail, tail);
        self.push_scope();
        self.depth += 1;
        let n = 1 + self.rng.below(max);
        let mut stmts = Vec::new();
        for _ in 0..n {
            stmts.push(self.stmt());
            if self.size == 0 {
                break;
            }
        }
        self.depth -= 1;
        self.pop_scope();
        self.block_has_tail = saved_tail;
        Node::Seq(stmts)
    }

    /// Whether a `defer!` may be generated here.
    fn can_defer(&self) -> bool {
        self.areas.defer && self.no_defer == 0 && !self.in_yield_value && !self.block_has_tail
    }

    fn stmt_kind(&mut self, enabled: bool) -> Stmt {
        use StmtKind as S;
        let nest = usize::from(self.depth < 3 && self.size > 0);
        let has = |g: &Self, kind| usize::from(!g.find(kind).is_empty());
        let assignable = usize::from(
            self.vars
                .iter()
                .any(|v| v.kind == Kind::Int && v.assignable && v.live),
        );
        let movable = usize::from(self.pick_movable_exists());
        let yields = usize::from(self.can_yield());
        let in_loop = usize::from(!self.jump_targets().is_empty());
        let inner = usize::from(self.inner_depth < 2 && self.depth < 3);
        let select = usize::from(self.is_async && self.areas.select && self.depth < 3);
        let defer = usize::from(self.can_defer());
        let choices = [
            (6, S::LetInt),
            (2 * assignable, S::Assign),
            (3, S::GuardLet),
            (has(self, Kind::Guard), S::GuardRef),
            (1, S::GuardVec),
            (movable, S::Move),
            (14 * yields, S::Yield),
            (2, S::Try),
            (1, S::TempGuard),
            (3 * nest, S::If),
            (2 * nest, S::Match),
            (nest, S::LetElse),
            (2 * nest, S::ForRange),
            (nest * has(self, Kind::GuardVec), S::ForVec),
            (nest, S::While),
            (nest, S::LoopStmt),
            (nest, S::LoopValue),
            (3 * in_loop, S::Jump),
            (usize::from(self.rng.chance(50)), S::Return),
            (2 * nest * inner, S::Each),
            (inner * yields, S::YieldFrom),
            (nest * select, S::Select),
            (nest, S::Block),
            (4 * has(self, Kind::Item), S::UseItem),
            (2 * nest, S::IfLet),
            (nest, S::LabelledBlock),
            (movable, S::Closure),
            // More in nested generators: how a close reaches them is the subtle part.
            (if self.inner_depth > 0 { 8 } else { 3 } * defer, S::Defer),
        ];
        match self.rng.weighted(&choices) {
            S::LetInt => {
                let mutable = self.rng.chance(40);
                let value = self.int(2);
                let name = self.name_or_shadow("v", Kind::Int);
                if enabled {
                    self.declare(&name, Kind::Int, mutable);
                }
                let kw = if mutable { "let mut" } else { "let" };
                Stmt::new(Node::Seq(vec![
                    text(format!("{kw} {name}: i64 = ")),
                    value,
                    text(";"),
                ]))
            }
            S::Assign => {
                let ints: Vec<usize> = (0..self.vars.len())
                    .filter(|&i| {
                        let v = &self.vars[i];
                        v.kind == Kind::Int && v.assignable && v.live
                    })
                    .collect();
                let name = self.vars[ints[self.rng.below(ints.len())]].name.clone();
                let value = self.int(2);
                let mut stmt = Stmt::new(Node::Seq(vec![
                    text(format!("{name} = add({name}, ")),
                    value,
                    text(");"),
                ]));
                stmt.no_cfg = true;
                stmt
            }
            S::GuardLet => {
                let name = self.name_or_shadow("g", Kind::Guard);
                let id = self.guard_id();
                if enabled {
                    self.declare(&name, Kind::Guard, false);
                }
                Stmt::new(text(format!("let {name} = log.guard({id});")))
            }
            S::GuardRef => {
                let target = self.pick(Kind::Guard).unwrap_or(0);
                self.vars[target].movable = false;
                let target = self.vars[target].name.clone();
                let name = self.fresh("r");
                if enabled {
                    self.declare(&name, Kind::GuardRef, false);
                }
                Stmt::new(text(format!("let {name} = &{target};")))
            }
            S::GuardVec => {
                let name = self.fresh("w");
                let n = 1 + self.rng.below(3);
                let guards: Vec<String> = (0..n)
                    .map(|_| format!("log.guard({})", self.guard_id()))
                    .collect();
                if enabled {
                    self.declare(&name, Kind::GuardVec, false);
                }
                Stmt::new(text(format!("let {name} = vec![{}];", guards.join(", "))))
            }
            S::Move => {
                let closure = self.pick_movable(Kind::Closure);
                let Some(i) = closure
                    .filter(|_| self.rng.chance(50))
                    .or_else(|| self.pick_movable(Kind::Guard))
                    .or(closure)
                else {
                    return Stmt::empty();
                };
                if self.vars[i].kind == Kind::Closure {
                    self.vars[i].live = false;
                    return Stmt::new(text(format!("drop({});", self.vars[i].name)));
                }
                self.vars[i].live = false;
                let name = self.vars[i].name.clone();
                if self.rng.chance(50) {
                    Stmt::new(text(format!("drop({name});")))
                } else {
                    let v = self.fresh("v");
                    let value = self.int(1);
                    if enabled {
                        self.declare(&v, Kind::Int, false);
                    }
                    Stmt::new(Node::Seq(vec![
                        text(format!("let {v}: i64 = take({name}, ")),
                        value,
                        text(");"),
                    ]))
                }
            }
            S::Yield => {
                let y = self.yield_node(false);
                Stmt::exit(Node::Seq(vec![y, text(";")]))
            }
            S::Try => {
                let value = self.res_checked(1);
                if self.rng.chance(50) {
                    let name = self.fresh("v");
                    Stmt::new(self.let_int(name, Node::Try(Box::new(value)), enabled))
                } else {
                    Stmt::exit(Node::Seq(vec![Node::Try(Box::new(value)), text(";")]))
                }
            }
            S::TempGuard => {
                let id = self.guard_id();
                let value = self.int(1);
                Stmt::new(Node::Seq(vec![
                    text(format!("let _ = add(touch(&log.guard({id})), ")),
                    value,
                    text(");"),
                ]))
            }
            S::If => {
                let cond = self.cond();
                let then = self.block(3);
                let mut nodes = vec![text("if "), cond, text(" {\n"), then, text("}")];
                if self.rng.chance(25) {
                    let cond = self.cond();
                    let then = self.block(2);
                    nodes.extend([text(" else if "), cond, text(" {\n"), then, text("}")]);
                }
                if self.rng.chance(60) {
                    let other = self.block(3);
                    nodes.extend([text(" else {\n"), other, text("}")]);
                }
                nodes.push(text(";"));
                Stmt::new(Node::Seq(nodes))
            }
            S::Match => self.match_stmt(),
            S::LetElse => self.let_else(enabled),
            S::ForRange => {
                let n = 1 + self.rng.below(3);
                let pat = self.fresh("i");
                let range = if self.rng.chance(30) {
                    format!("(0..{n}i64).rev()")
                } else {
                    format!("0..{n}i64")
                };
                self.loop_stmt(
                    n,
                    Head::For {
                        pat,
                        iter: text(range),
                    },
                    None,
                )
            }
            S::ForVec => {
                let i = self.pick(Kind::GuardVec).unwrap_or(0);
                let vec = self.vars[i].name.clone();
                let pat = self.fresh("g");
                let consume = self.vars[i].movable
                    && self.vars[i].loop_depth == self.loops.len()
                    && self.rng.chance(50);
                self.vars[i].movable = false;
                let iter = if consume {
                    self.vars[i].live = false;
                    text(vec)
                } else {
                    text(format!("{vec}.iter()"))
                };
                let kind = if consume { Kind::Guard } else { Kind::GuardRef };
                self.loop_stmt(3, Head::For { pat, iter }, Some(kind))
            }
            S::While => {
                let n = 1 + self.rng.below(3);
                let counter = self.fresh("c");
                let saved_mult = self.mult;
                self.mult *= n + 1;
                let head = if self.can_yield() && self.rng.chance(30) {
                    // The condition runs again and again: nothing in it may move a
                    // value, and a `break` in it would be an error.
                    self.loops.push(LoopCx {
                        id: 0,
                        labelled: false,
                        value: false,
                        inline: false,
                        barrier: true,
                        block: false,
                    });
                    let y = self.yield_node(true);
                    self.loops.pop();
                    Head::While(Node::Seq(vec![
                        text("then("),
                        y,
                        text(format!(", {counter}) < {n}")),
                    ]))
                } else {
                    Head::While(text(format!("{counter} < {n}")))
                };
                self.mult = saved_mult;
                let mut stmt = self.loop_stmt_with(n, head, None, Some(&counter), false);
                stmt.pre
                    .insert(0, text(format!("let mut {counter}: i64 = 0;\n")));
                stmt
            }
            S::LoopStmt => {
                let n = 1 + self.rng.below(3);
                let counter = self.fresh("c");
                let mut stmt = self.loop_stmt_with(n, Head::Loop, None, Some(&counter), false);
                stmt.pre
                    .insert(0, text(format!("let mut {counter}: i64 = 0;\n")));
                stmt
            }
            S::LoopValue => {
                let n = 1 + self.rng.below(3);
                let counter = self.fresh("c");
                let name = self.fresh("v");
                let mut stmt = self.loop_stmt_with(n, Head::Loop, None, Some(&counter), true);
                stmt.pre
                    .insert(0, text(format!("let mut {counter}: i64 = 0;\n")));
                stmt.main = self.let_int(name, stmt.main, enabled);
                stmt
            }
            S::Jump => {
                let cond = self.cond();
                let jump = self.jump();
                Stmt::new(Node::Seq(vec![
                    text("if "),
                    cond,
                    text(" { "),
                    jump,
                    text("; }"),
                ]))
            }
            S::Return => {
                if self.rng.chance(85) {
                    let cond = self.cond();
                    Stmt::new(Node::Seq(vec![
                        text("if "),
                        cond,
                        text(" { "),
                        Node::Return,
                        text("; }"),
                    ]))
                } else {
                    Stmt::exit(Node::Seq(vec![Node::Return, text(";")]))
                }
            }
            S::Each => self.each(false),
            S::YieldFrom => self.each(true),
            S::Select => self.select(),
            S::Block => {
                let body = self.block(3);
                Stmt::new(Node::Seq(vec![text("{\n"), body, text("}")]))
            }
            S::IfLet => {
                let name = self.fresh("v");
                let scrutinee = if self.rng.chance(60) {
                    self.res_checked(1)
                } else {
                    let cond = self.cond();
                    let value = self.int(1);
                    Node::Seq(vec![
                        text("(if "),
                        cond,
                        text(" { Ok("),
                        value,
                        text(") } else { Err(0) })"),
                    ])
                };
                self.push_scope();
                self.declare(&name, Kind::Int, false);
                let then = self.block(3);
                self.pop_scope();
                let mut nodes = vec![
                    text(format!("if let Ok({name}) = ")),
                    scrutinee,
                    text(" {\n"),
                    then,
                    text("}"),
                ];
                if self.rng.chance(70) {
                    let other = self.block(3);
                    nodes.extend([text(" else {\n"), other, text("}")]);
                }
                nodes.push(text(";"));
                Stmt::new(Node::Seq(nodes))
            }
            S::LabelledBlock => {
                let id = self.fresh_id();
                let value = self.rng.chance(50);
                self.loops.push(LoopCx {
                    id,
                    labelled: true,
                    value,
                    inline: false,
                    barrier: false,
                    block: true,
                });
                let mut body = vec![self.block_with_tail(4, value)];
                if value {
                    body.push(self.int(1));
                    body.push(text("\n"));
                }
                self.loops.pop();
                let lp = Loop {
                    id,
                    label: true,
                    head: Head::Block,
                    body: Node::Seq(body),
                };
                if value {
                    let name = self.fresh("v");
                    Stmt::new(self.let_int(name, Node::Loop(Box::new(lp)), enabled))
                } else {
                    Stmt::new(Node::Seq(vec![Node::Loop(Box::new(lp)), text(";")]))
                }
            }
            S::Closure => {
                let Some(i) = self.pick_movable(Kind::Guard) else {
                    return Stmt::empty();
                };
                self.vars[i].live = false;
                let guard = self.vars[i].name.clone();
                let name = self.fresh("k");
                if enabled {
                    self.declare(&name, Kind::Closure, false);
                }
                Stmt::new(text(format!("let {name} = move || touch(&{guard});")))
            }
            S::Defer => {
                let id = self.guard_id();
                if self.depth == 0 {
                    self.top_defer = true;
                }
                let value = self.deferred_value(1);
                let mut stmt = Stmt::new(Node::Defer {
                    id,
                    level: self.inner_depth,
                    value: Box::new(value),
                    awaits: self.is_async && self.rng.chance(50),
                    qualified: self.rng.chance(30),
                });
                stmt.no_cfg = true;
                stmt
            }
            S::UseItem => {
                let i = self.pick(Kind::Item).unwrap_or(0);
                let item = self.vars[i].name.clone();
                match self.rng.below(3) {
                    0 if self.can_yield() => {
                        self.items += self.mult;
                        let keyword = self.rng.chance(50);
                        Stmt::exit(Node::Seq(vec![
                            Node::Yield {
                                value: Box::new(text(item)),
                                expr: false,
                                keyword,
                            },
                            text(";"),
                        ]))
                    }
                    1 => {
                        let name = self.fresh("v");
                        Stmt::new(self.let_int(name, Node::Try(Box::new(text(item))), enabled))
                    }
                    _ => {
                        let name = self.fresh("v");
                        if enabled {
                            self.declare(&name, Kind::Int, true);
                        }
                        Stmt::new(text(format!("let mut {name}: i64 = either({item});")))
                    }
                }
            }
        }
    }

    fn pick_movable_exists(&self) -> bool {
        let depth = self.loops.len();
        self.vars.iter().any(|v| {
            matches!(v.kind, Kind::Guard | Kind::Closure)
                && v.live
                && v.movable
                && v.loop_depth == depth
        })
    }

    /// A fresh name, or (sometimes) the name of a live variable of `kind` that the
    /// new one shadows (the old one lives on, unnamed, to the end of its scope).
    fn name_or_shadow(&mut self, prefix: &str, kind: Kind) -> String {
        let old: Vec<usize> = self
            .find(kind)
            .into_iter()
            .filter(|&i| !self.vars[i].captured)
            .filter(|&i| kind != Kind::Int || self.vars[i].capturable || self.vars[i].assignable)
            .collect();
        if !old.is_empty() && self.rng.chance(15) {
            let i = old[self.rng.below(old.len())];
            self.vars[i].live = false;
            self.vars[i].name.clone()
        } else {
            self.fresh(prefix)
        }
    }

    /// A loop statement running at most `n` times.
    fn loop_stmt(&mut self, n: usize, head: Head, binding: Option<Kind>) -> Stmt {
        self.loop_stmt_with(n, head, binding, None, false)
    }

    fn loop_stmt_with(
        &mut self,
        n: usize,
        head: Head,
        binding: Option<Kind>,
        counter: Option<&str>,
        value: bool,
    ) -> Stmt {
        let id = self.fresh_id();
        let label = value || self.rng.chance(50);
        self.loops.push(LoopCx {
            id,
            labelled: label,
            value,
            inline: false,
            barrier: false,
            block: false,
        });
        let saved_mult = self.mult;
        self.mult *= n;
        self.push_scope();
        match (&head, binding) {
            (Head::For { pat, .. }, Some(kind)) => {
                let pat = pat.clone();
                self.declare(&pat, kind, false);
            }
            (Head::For { pat, .. }, None) => {
                let pat = pat.clone();
                self.declare(&pat, Kind::Int, false);
            }
            _ => {}
        }
        let mut nodes = Vec::new();
        if let Some(counter) = counter {
            nodes.push(text(format!("{counter} += 1;\n")));
            if matches!(head, Head::Loop) {
                let exit = if value {
                    // No `continue` in the value of the exit: the loop would not end.
                    self.loops.push(LoopCx {
                        id,
                        labelled: false,
                        value: false,
                        inline: false,
                        barrier: true,
                        block: false,
                    });
                    let v = self.int(1);
                    self.loops.pop();
                    Node::Break {
                        target: id,
                        value: Some(Box::new(v)),
                        label: true,
                    }
                } else {
                    Node::Break {
                        target: id,
                        value: None,
                        label: label && self.rng.chance(50),
                    }
                };
                nodes.extend([text(format!("if {counter} > {n} {{ ")), exit, text("; }\n")]);
            }
            // The counter of this loop is read, never assigned, by its body.
            self.vars.push(Var {
                name: counter.to_string(),
                kind: Kind::Int,
                assignable: false,
                live: true,
                movable: false,
                loop_depth: self.loops.len(),
                capturable: false,
                captured: false,
            });
        }
        nodes.push(self.block(4));
        self.pop_scope();
        self.mult = saved_mult;
        self.loops.pop();
        let lp = Loop {
            id,
            label,
            head,
            body: Node::Seq(nodes),
        };
        let semi = if value { "" } else { ";" };
        Stmt::new(Node::Seq(vec![Node::Loop(Box::new(lp)), text(semi)]))
    }

    /// `break` or `continue` to one of the enclosing loops.
    fn jump(&mut self) -> Node {
        let targets = self.jump_targets();
        let (target, innermost) = targets[self.rng.below(targets.len())];
        let label = !innermost || (target.labelled && self.rng.chance(40));
        if !target.block && self.rng.chance(40) {
            Node::Continue {
                target: target.id,
                label,
                inline: target.inline,
            }
        } else {
            let value = target.value.then(|| Box::new(self.int(1)));
            Node::Break {
                target: target.id,
                value,
                label: label || target.value,
            }
        }
    }

    fn match_stmt(&mut self) -> Stmt {
        let mut nodes = vec![text("match ")];
        if self.rng.chance(50) {
            let scrutinee = self.int(2);
            let m = 2 + self.rng.below(3);
            nodes.extend([text("("), scrutinee, text(format!(") % {m} {{\n0 => "))]);
            if self.can_yield() && self.rng.chance(30) {
                // An arm that is a yield, without braces.
                nodes.push(self.yield_node(true));
                nodes.push(text(",\n"));
            } else {
                nodes.push(text("{\n"));
                nodes.push(self.block(3));
                nodes.push(text("}\n"));
            }
            let n = self.fresh("v");
            nodes.push(text(format!("{n} if {n} == 1 => {{\n")));
            self.push_scope();
            self.declare(&n, Kind::Int, false);
            nodes.push(self.block(3));
            self.pop_scope();
            let m = self.fresh("v");
            nodes.push(text(format!("}}\n{m} => {{\n")));
            self.push_scope();
            self.declare(&m, Kind::Int, false);
            nodes.push(self.block(3));
            self.pop_scope();
            nodes.push(text("}\n};"));
        } else {
            let scrutinee = self.res_checked(1);
            let a = self.fresh("v");
            let bound = self.rng.below(5);
            nodes.extend([
                scrutinee,
                text(format!(" {{\nOk({a}) if {a} > {bound} => {{\n")),
            ]);
            self.push_scope();
            self.declare(&a, Kind::Int, false);
            nodes.push(self.block(3));
            self.pop_scope();
            let b = self.fresh("v");
            nodes.push(text(format!("}}\nOk({b}) => {{\n")));
            self.push_scope();
            self.declare(&b, Kind::Int, false);
            nodes.push(self.block(2));
            self.pop_scope();
            let e = self.fresh("v");
            nodes.push(text(format!("}}\nErr({e}) => {{\n")));
            self.push_scope();
            self.declare(&e, Kind::Int, false);
            nodes.push(self.block(2));
            self.pop_scope();
            nodes.push(text("}\n};"));
        }
        Stmt::new(Node::Seq(nodes))
    }

    fn let_else(&mut self, enabled: bool) -> Stmt {
        let name = self.fresh("v");
        let mut nodes = Vec::new();
        if self.rng.chance(50) {
            let cond = self.cond();
            let value = self.int(1);
            nodes.extend([
                text(format!("let Some({name}) = (if ")),
                cond,
                text(" { Some("),
                value,
                text(") } else { None }) else {\n"),
            ]);
        } else {
            let value = self.res_checked(1);
            nodes.extend([text(format!("let Ok({name}) = ")), value, text(" else {\n")]);
        }
        if self.rng.chance(60) {
            nodes.push(self.block(2));
        }
        let targets = self.jump_targets();
        if !targets.is_empty() && self.rng.chance(60) {
            nodes.push(self.jump());
        } else {
            nodes.push(Node::Return);
        }
        nodes.push(text(";\n};"));
        if enabled {
            self.declare(&name, Kind::Int, false);
        }
        Stmt::new(Node::Seq(nodes))
    }

    /// A loop over a nested generator or a list, or a `yield_from!` of one.
    fn each(&mut self, delegate: bool) -> Stmt {
        let id = self.fresh_id();
        let binding = self.fresh("x");
        let is_async = self.is_async && self.rng.chance(60);
        let (source, items) = if self.rng.chance(75) {
            let (body, items) = self.inner_body(is_async);
            (Source::Inner { is_async, body }, items)
        } else {
            let n = 1 + self.rng.below(3);
            let values = (0..n)
                .map(|_| {
                    let v = self.rng.below(9);
                    if self.rng.chance(25) {
                        format!("Res::Err({v})")
                    } else {
                        format!("Res::Ok({v})")
                    }
                })
                .collect();
            (Source::Values { is_async, values }, n)
        };
        let label = self.rng.chance(50);
        let inline = matches!(source, Source::Inner { .. });
        let body = if delegate {
            self.items += self.mult * items;
            Node::Seq(vec![
                Node::Yield {
                    value: Box::new(text(binding.clone())),
                    expr: false,
                    keyword: true,
                },
                text(";"),
            ])
        } else {
            self.loops.push(LoopCx {
                id,
                labelled: label,
                value: false,
                inline,
                barrier: false,
                block: false,
            });
            let saved_mult = self.mult;
            self.mult *= items.max(1);
            self.push_scope();
            self.declare(&binding, Kind::Item, false);
            let body = self.block(3);
            self.pop_scope();
            self.mult = saved_mult;
            self.loops.pop();
            body
        };
        let each = Each {
            id,
            label: label && !delegate,
            attr_style: self.rng.chance(30),
            binding,
            source,
            body,
            delegate,
        };
        let stmt = Node::Seq(vec![Node::Each(Box::new(each)), text(";")]);
        if delegate {
            Stmt::exit(stmt)
        } else {
            Stmt::new(stmt)
        }
    }

    /// The body of a nested generator: it captures `log` and the immutable integers.
    fn inner_body(&mut self, is_async: bool) -> (Node, usize) {
        let vars: Vec<Var> = self
            .vars
            .iter()
            .filter(|v| v.capturable && v.live)
            .cloned()
            .map(|mut v| {
                v.loop_depth = 0;
                v.captured = true;
                v
            })
            .collect();
        let saved_vars = std::mem::replace(&mut self.vars, vars);
        let saved_scopes = std::mem::take(&mut self.scopes);
        let saved_loops = std::mem::take(&mut self.loops);
        let saved = (
            self.items,
            self.mult,
            self.max_items,
            self.is_async,
            self.in_yield_value,
            self.depth,
        );
        self.items = 0;
        self.mult = 1;
        self.max_items = 4;
        self.is_async = is_async;
        self.in_yield_value = false;
        self.depth = 1;
        self.inner_depth += 1;
        let sync = usize::from(!is_async);
        self.no_defer += sync;
        let body = self.block(4);
        self.no_defer -= sync;
        let items = self.items.max(1);
        self.inner_depth -= 1;
        (
            self.items,
            self.mult,
            self.max_items,
            self.is_async,
            self.in_yield_value,
            self.depth,
        ) = saved;
        self.vars = saved_vars;
        self.scopes = saved_scopes;
        self.loops = saved_loops;
        (body, items)
    }

    fn select(&mut self) -> Stmt {
        let binding = self.fresh("s");
        let value = self.plain_int(1);
        let id = self.fresh_id();
        self.loops.push(LoopCx {
            id,
            labelled: false,
            value: false,
            inline: false,
            barrier: true,
            block: false,
        });
        self.push_scope();
        self.declare(&binding, Kind::Int, false);
        self.no_defer += 1;
        let body = self.block(3);
        self.no_defer -= 1;
        self.pop_scope();
        self.loops.pop();
        Stmt::new(Node::Seq(vec![
            Node::Select {
                binding,
                value: Box::new(value),
                body: Box::new(body),
            },
            text(";"),
        ]))
    }

    /// A yield of a generated value.
    fn yield_node(&mut self, expr: bool) -> Node {
        self.items += self.mult;
        let saved = std::mem::replace(&mut self.in_yield_value, true);
        let value = self.res(1);
        self.in_yield_value = saved;
        Node::Yield {
            value: Box::new(value),
            expr,
            keyword: self.rng.chance(60),
        }
    }

    /// A `Res` value.
    fn res(&mut self, depth: usize) -> Node {
        let item = self.pick(Kind::Item);
        match self.rng.below(10) {
            0 => Node::Seq(vec![text("Err("), self.int(depth), text(")")]),
            1 => self.res_checked(depth),
            2 if item.is_some() => text(self.vars[item.unwrap_or(0)].name.clone()),
            _ => Node::Seq(vec![text("Ok("), self.int(depth), text(")")]),
        }
    }

    /// A `Res` that is sometimes an error, for `?`.
    fn res_checked(&mut self, depth: usize) -> Node {
        if self.rng.chance(70) {
            let m = 3 + self.rng.below(4);
            Node::Seq(vec![
                text("check_by("),
                self.int(depth),
                text(format!(", {m})")),
            ])
        } else {
            let cond = self.cond();
            let value = self.int(depth);
            Node::Seq(vec![text("check("), cond, text(", "), value, text(")")])
        }
    }

    fn cond(&mut self) -> Node {
        let a = self.int(1);
        match self.rng.below(3) {
            0 => {
                let m = 2 + self.rng.below(3);
                Node::Seq(vec![text("("), a, text(format!(") % {m} == 0"))])
            }
            1 => {
                let b = self.rng.below(6);
                Node::Seq(vec![text("("), a, text(format!(") > {b}"))])
            }
            _ => {
                let b = self.int(0);
                Node::Seq(vec![text("("), a, text(") < ("), b, text(")")])
            }
        }
    }

    /// An integer without yields, `?` or destructors.
    /// The value a `defer!` block reads: of immutable integers, items, and guards that
    /// are then never moved (the deferred code runs at the block's end, the reference
    /// reads the value where the `defer!` is).
    fn deferred_value(&mut self, depth: usize) -> Node {
        let ints: Vec<usize> = (0..self.vars.len())
            .filter(|&i| {
                let v = &self.vars[i];
                v.live
                    && (v.capturable || matches!(v.kind, Kind::Item | Kind::Guard | Kind::GuardRef))
            })
            .collect();
        match self.rng.below(4) {
            0 | 1 if !ints.is_empty() => {
                let i = ints[self.rng.below(ints.len())];
                let name = self.vars[i].name.clone();
                match self.vars[i].kind {
                    Kind::Item => text(format!("either({name})")),
                    Kind::Guard => {
                        self.vars[i].movable = false;
                        text(format!("touch(&{name})"))
                    }
                    Kind::GuardRef => text(format!("touch({name})")),
                    _ => text(name),
                }
            }
            2 if depth > 0 => Node::Seq(vec![
                text("add("),
                self.deferred_value(depth - 1),
                text(", "),
                self.deferred_value(depth - 1),
                text(")"),
            ]),
            _ => text(format!("{}i64", self.rng.below(10))),
        }
    }

    fn plain_int(&mut self, depth: usize) -> Node {
        let var = self.pick(Kind::Int);
        match self.rng.below(3) {
            0 if var.is_some() => text(self.vars[var.unwrap_or(0)].name.clone()),
            1 if depth > 0 => Node::Seq(vec![
                text("add("),
                self.plain_int(depth - 1),
                text(", "),
                self.plain_int(depth - 1),
                text(")"),
            ]),
            _ => text(format!("{}i64", self.rng.below(10))),
        }
    }

    /// An `i64` expression.
    fn int(&mut self, depth: usize) -> Node {
        use ExprKind as E;
        let deeper = usize::from(depth > 0);
        let yields = usize::from(self.can_yield());
        let guard = usize::from(
            !self.find(Kind::Guard).is_empty() || !self.find(Kind::GuardRef).is_empty(),
        );
        let movable = usize::from(self.pick_movable_exists());
        let choices = [
            (4, E::Lit),
            (5 * usize::from(!self.find(Kind::Int).is_empty()), E::Var),
            (2 * deeper, E::Add),
            (2 * guard, E::GuardRead),
            (1, E::TempGuard),
            (deeper, E::TakeTemp),
            (deeper * movable, E::TakeVar),
            (3 * yields, E::YieldThen),
            (deeper, E::ValueBlock),
            (deeper, E::Vec),
            (deeper, E::Format),
            (deeper, E::Try),
            (2 * usize::from(self.is_async), E::Await),
            (usize::from(self.is_async), E::AsyncBlock),
            (deeper, E::If),
            (usize::from(!self.find(Kind::Item).is_empty()), E::ItemRead),
            (usize::from(!self.find(Kind::Closure).is_empty()), E::Call),
        ];
        let d = depth.saturating_sub(1);
        let temporaries = !self.in_yield_value || self.areas.yield_value_temporaries;
        let choices = choices.map(|(w, kind)| {
            let temporary = kind == E::TempGuard && !temporaries;
            (if temporary { 0 } else { w }, kind)
        });
        match self.rng.weighted(&choices) {
            E::Lit => text(format!("{}i64", self.rng.below(10))),
            E::Var => {
                let i = self.pick(Kind::Int).unwrap_or(0);
                text(self.vars[i].name.clone())
            }
            E::Add => Node::Seq(vec![
                text("add("),
                self.int(d),
                text(", "),
                self.int(d),
                text(")"),
            ]),
            E::GuardRead => {
                let guards = self.find(Kind::Guard);
                let refs = self.find(Kind::GuardRef);
                let all: Vec<usize> = guards.iter().chain(&refs).copied().collect();
                let v = &self.vars[all[self.rng.below(all.len())]];
                let name = v.name.clone();
                let is_ref = v.kind == Kind::GuardRef;
                match (self.rng.chance(50), is_ref) {
                    (true, _) => text(format!("{name}.id()")),
                    (false, true) => text(format!("touch({name})")),
                    (false, false) => text(format!("touch(&{name})")),
                }
            }
            E::TempGuard => text(format!("touch(&log.guard({}))", self.guard_id())),
            E::TakeTemp => {
                let id = self.guard_id();
                Node::Seq(vec![
                    text(format!("take(log.guard({id}), ")),
                    self.int(d),
                    text(")"),
                ])
            }
            E::TakeVar => {
                let Some(i) = self.pick_movable(Kind::Guard) else {
                    return text("0i64");
                };
                self.vars[i].live = false;
                let name = self.vars[i].name.clone();
                Node::Seq(vec![text(format!("take({name}, ")), self.int(d), text(")")])
            }
            E::YieldThen => {
                let y = self.yield_node(true);
                if self.rng.chance(50) {
                    Node::Seq(vec![text("then("), y, text(", "), self.int(d), text(")")])
                } else {
                    Node::Seq(vec![text("({ "), y, text("; "), self.int(d), text(" })")])
                }
            }
            E::ValueBlock => {
                self.push_scope();
                self.depth += 1;
                let mut nodes = vec![text("({\n")];
                let saved_tail = std::mem::replace(&mut self.block_has_tail, true);
                for _ in 0..1 + self.rng.below(2) {
                    nodes.push(self.stmt());
                }
                self.block_has_tail = saved_tail;
                nodes.push(self.int(d));
                nodes.push(text("\n})"));
                self.depth -= 1;
                self.pop_scope();
                Node::Seq(nodes)
            }
            E::Vec => {
                if self.rng.chance(50) && self.can_yield() {
                    let mut nodes = vec![text("(vec![")];
                    for i in 0..1 + self.rng.below(2) {
                        if i > 0 {
                            nodes.push(text(", "));
                        }
                        if self.can_yield() {
                            nodes.push(self.yield_node(true));
                        } else {
                            nodes.push(text("()"));
                        }
                    }
                    nodes.push(text("].len() as i64)"));
                    Node::Seq(nodes)
                } else {
                    let mut nodes = vec![text("(vec![")];
                    for i in 0..1 + self.rng.below(3) {
                        if i > 0 {
                            nodes.push(text(", "));
                        }
                        nodes.push(self.int(d));
                    }
                    nodes.push(text("].iter().sum::<i64>())"));
                    Node::Seq(nodes)
                }
            }
            E::Format => {
                let a = self.int(d);
                let b = if self.can_yield() && self.rng.chance(60) {
                    self.yield_node(true)
                } else {
                    self.int(d)
                };
                // `format!` borrows its arguments: the first is a copy, so that the
                // second may assign a variable the first names.
                Node::Seq(vec![
                    text("(format!(\"{}-{:?}\", add("),
                    a,
                    text(", 0), "),
                    b,
                    text(").len() as i64)"),
                ])
            }
            E::Try => Node::Try(Box::new(self.res_checked(d))),
            E::Await => {
                if temporaries && self.rng.chance(30) {
                    let id = self.guard_id();
                    Node::Seq(vec![
                        text("touch(&"),
                        Node::Await(Box::new(text(format!("log.guard({id})")))),
                        text(")"),
                    ])
                } else {
                    Node::Await(Box::new(self.int(d)))
                }
            }
            E::If => {
                let cond = self.cond();
                let a = self.int(d);
                let b = self.int(d);
                Node::Seq(vec![
                    text("(if "),
                    cond,
                    text(" { "),
                    a,
                    text(" } else { "),
                    b,
                    text(" })"),
                ])
            }
            E::AsyncBlock => {
                // A separate future: its guard is dropped inside it.
                let id = self.guard_id();
                let value = self.plain_int(1);
                Node::AwaitFuture(Box::new(Node::Seq(vec![
                    text(format!("async {{ let _g = log.guard({id}); pending_once(")),
                    value,
                    text(").await }"),
                ])))
            }
            E::Call => {
                let i = self.pick(Kind::Closure).unwrap_or(0);
                text(format!("{}()", self.vars[i].name))
            }
            E::ItemRead => {
                let i = self.pick(Kind::Item).unwrap_or(0);
                let name = self.vars[i].name.clone();
                if self.rng.chance(50) {
                    text(format!("either({name})"))
                } else {
                    Node::Try(Box::new(text(name)))
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------
// Rendering

/// What a body is spelled as.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Target {
    AsyncGen,
    /// `stream!`, also the body of a nested async generator.
    Stream,
    Generator,
    /// `iter!`, also the body of a nested generator.
    Iter,
    Coroutine,
    AsyncCoroutine,
    Reference,
}

impl Target {
    fn is_coroutine(self) -> bool {
        matches!(self, Target::Coroutine | Target::AsyncCoroutine)
    }
}

/// How the reference spells a yield: logging it (and stopping at the limit), or, in
/// the inlined body of a nested generator, running the loop body with the item.
#[derive(Clone, Copy)]
enum Yields<'a> {
    Direct,
    Inline(&'a Each, &'a Cx<'a>),
}

/// Where the reference's `return` and `?` go: out of the function, or out of the
/// inlined body of a nested generator.
#[derive(Clone, Copy)]
enum Exit {
    Function,
    Inner(usize),
}

#[derive(Clone, Copy)]
struct Cx<'a> {
    target: Target,
    yields: Yields<'a>,
    exit: Exit,
}

struct Render<'a> {
    areas: &'a Areas,
}

impl Render<'_> {
    fn node(&self, node: &Node, cx: &Cx<'_>, out: &mut String) {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Seq(nodes) => {
                for n in nodes {
                    self.node(n, cx, out);
                }
            }
            Node::Yield {
                value,
                expr,
                keyword,
            } => self.yield_(value, *expr, *keyword, cx, out),
            Node::Try(value) => match (cx.target, cx.exit) {
                (Target::Reference, Exit::Inner(id)) => {
                    out.push_str("match ");
                    self.node(value, cx, out);
                    let _ = write!(
                        out,
                        " {{ Ok(__v) => __v, Err(__e) => break 'i{id} Err(__e) }}"
                    );
                }
                _ => {
                    self.node(value, cx, out);
                    out.push('?');
                }
            },
            Node::Return => match (cx.target, cx.exit) {
                (Target::Reference, Exit::Inner(id)) => {
                    let _ = write!(out, "break 'i{id} Ok(())");
                }
                (Target::Reference | Target::Coroutine | Target::AsyncCoroutine, _) => {
                    out.push_str("return Ok(())");
                }
                _ => out.push_str("return"),
            },
            Node::Await(value) => {
                if cx.target == Target::Reference {
                    out.push_str("block_on(pending_once(");
                    self.node(value, cx, out);
                    out.push_str("))");
                } else {
                    out.push_str("pending_once(");
                    self.node(value, cx, out);
                    out.push_str(").await");
                }
            }
            Node::AwaitFuture(future) => {
                if cx.target == Target::Reference {
                    out.push_str("block_on(");
                    self.node(future, cx, out);
                    out.push(')');
                } else {
                    out.push('(');
                    self.node(future, cx, out);
                    out.push_str(").await");
                }
            }
            Node::Loop(lp) => {
                let reference = cx.target == Target::Reference;
                if lp.label || reference {
                    let _ = write!(out, "'l{}: ", lp.id);
                }
                match &lp.head {
                    Head::For { pat, iter } => {
                        let _ = write!(out, "for {pat} in ");
                        self.node(iter, cx, out);
                    }
                    Head::While(cond) => {
                        out.push_str("while ");
                        self.node(cond, cx, out);
                    }
                    Head::Loop => out.push_str("loop"),
                    Head::Block => {}
                }
                out.push_str(" {\n");
                self.node(&lp.body, cx, out);
                out.push('}');
            }
            Node::Break {
                target,
                value,
                label,
            } => {
                out.push_str("break");
                if *label || cx.target == Target::Reference {
                    let _ = write!(out, " 'l{target}");
                }
                if let Some(value) = value {
                    out.push(' ');
                    self.node(value, cx, out);
                }
            }
            Node::Continue {
                target,
                label,
                inline,
            } => {
                if cx.target == Target::Reference && *inline {
                    let _ = write!(out, "break 'c{target}");
                } else if *label || cx.target == Target::Reference {
                    let _ = write!(out, "continue 'l{target}");
                } else {
                    out.push_str("continue");
                }
            }
            Node::Each(each) => self.each(each, cx, out),
            Node::Select {
                binding,
                value,
                body,
            } => {
                if cx.target == Target::Reference {
                    out.push_str("match ");
                    self.node(value, cx, out);
                    let _ = writeln!(out, " {{ {binding} => {{");
                    self.node(body, cx, out);
                    out.push_str("} }");
                } else {
                    let _ = write!(
                        out,
                        "futures::select! {{ {binding} = futures::future::ready("
                    );
                    self.node(value, cx, out);
                    out.push_str(") => {\n");
                    self.node(body, cx, out);
                    out.push_str("}, }");
                }
            }
            Node::Defer {
                id,
                level,
                value,
                awaits,
                qualified,
            } => {
                if cx.target == Target::Reference {
                    let _ = write!(out, "let _d{id} = log.defer_guard({level}, {id}, ");
                    self.node(value, cx, out);
                    out.push_str(");");
                } else {
                    let path = if *qualified {
                        "yieldkit::defer"
                    } else {
                        "defer"
                    };
                    let _ = write!(out, "{path}! {{ log.deferred({id}, ");
                    if *awaits {
                        out.push_str("pending_once(");
                        self.node(value, cx, out);
                        out.push_str(").await");
                    } else {
                        self.node(value, cx, out);
                    }
                    out.push_str("); }");
                }
            }
            Node::Tail(id) => {
                let unit = matches!(
                    cx.target,
                    Target::AsyncGen | Target::Stream | Target::Generator | Target::Iter
                );
                let f = if unit { "touch_unit" } else { "touch_ok" };
                let _ = write!(out, "{f}(&log.guard({id}))");
            }
        }
    }

    fn yield_(&self, value: &Node, expr: bool, keyword: bool, cx: &Cx<'_>, out: &mut String) {
        match (cx.target, cx.yields) {
            (Target::Reference, Yields::Inline(each, outer)) => {
                // The nested generator's yield runs the loop body with the item; the
                // value's temporaries live on while it runs, as they do in the
                // suspended generator.
                out.push_str("match item(");
                self.node(value, cx, out);
                let _ = writeln!(out, ") {{ {} => {{ 'c{}: {{", each.binding, each.id);
                self.node(&each.body, outer, out);
                out.push_str("} } }");
            }
            (Target::Reference, Yields::Direct) => {
                out.push_str("match log.yielded(");
                self.node(value, cx, out);
                out.push_str(") { true => return Ok(()), false => () }");
            }
            (Target::Stream | Target::Iter, _) if keyword => {
                out.push_str(if expr { "(yield " } else { "yield " });
                self.node(value, cx, out);
                if expr {
                    out.push(')');
                }
            }
            _ => {
                out.push_str("yield_!(");
                self.node(value, cx, out);
                out.push(')');
            }
        }
    }

    fn source(&self, source: &Source, out: &mut String) {
        match source {
            Source::Inner { is_async, body } => {
                let (mac, target) = if *is_async {
                    ("stream", Target::Stream)
                } else {
                    ("iter", Target::Iter)
                };
                let _ = writeln!(out, "yieldkit::{mac}! {{ type Item = Res;");
                let cx = Cx {
                    target,
                    yields: Yields::Direct,
                    exit: Exit::Function,
                };
                self.node(body, &cx, out);
                out.push('}');
            }
            Source::Values { is_async, values } => {
                let list = values.join(", ");
                if *is_async {
                    let _ = write!(out, "futures::stream::iter(vec![{list}])");
                } else {
                    let _ = write!(out, "vec![{list}]");
                }
            }
        }
    }

    fn each(&self, each: &Each, cx: &Cx<'_>, out: &mut String) {
        let target = cx.target;
        if target == Target::Reference {
            return self.each_reference(each, cx, out);
        }
        let is_async = each.source.is_async();
        let delegates = each.delegate
            && !target.is_coroutine()
            && (is_async || matches!(target, Target::Generator | Target::Iter));
        if delegates {
            out.push_str("yield_from!(");
            self.source(&each.source, out);
            out.push(')');
            return;
        }
        let label = if each.label {
            format!("'l{}: ", each.id)
        } else {
            String::new()
        };
        let keyword = target == Target::Stream
            && !each.attr_style
            && (!each.label || self.areas.labelled_block_for_await);
        if !is_async {
            let _ = write!(out, "{label}for {} in ", each.binding);
        } else if keyword {
            let _ = write!(out, "{label}for await {} in ", each.binding);
        } else {
            let _ = write!(out, "#[for_await] {label}for {} in ", each.binding);
        }
        self.source(&each.source, out);
        out.push_str(" {\n");
        self.node(&each.body, cx, out);
        out.push('}');
    }

    /// The reference's loop over a nested generator: the generator's body, inlined,
    /// with each of its yields running the loop body (see [`Render::yield_`]); its
    /// `?` error, after its scopes are left, runs the loop body once more.
    fn each_reference(&self, each: &Each, cx: &Cx<'_>, out: &mut String) {
        let id = each.id;
        match &each.source {
            Source::Values { values, .. } => {
                let _ = writeln!(
                    out,
                    "'l{id}: for {} in vec![{}] {{",
                    each.binding,
                    values.join(", ")
                );
                self.node(&each.body, cx, out);
                out.push('}');
            }
            Source::Inner { body, .. } => {
                let _ = writeln!(out, "'l{id}: {{\nlet __r{id}: CoRet = 'i{id}: {{");
                let inner = Cx {
                    target: Target::Reference,
                    yields: Yields::Inline(each, cx),
                    exit: Exit::Inner(id),
                };
                self.node(body, &inner, out);
                let _ = writeln!(
                    out,
                    "Ok(()) }};\nif let Err(__e) = __r{id} {{ match Err::<i64, i64>(__e) {{ {} => {{ 'c{id}: {{",
                    each.binding
                );
                self.node(&each.body, cx, out);
                out.push_str("} } } }\n}");
            }
        }
    }
}

/// How one form of yieldkit is written around a body, and consumed.
struct Form {
    /// Its name in reports.
    name: &'static str,
    /// Its `support::Maker` variant.
    maker: &'static str,
    /// Names `mk_{id}` (and `f_{id}`); a block form's macro.
    id: &'static str,
    /// An attribute form's attribute, `async ` or not, and return type.
    attribute: Option<(&'static str, &'static str, &'static str)>,
    /// The boxed type `mk_{id}` returns, and how it boxes.
    boxed: &'static str,
    wrap: &'static str,
    target: Target,
    /// Not for async bodies.
    sync_only: bool,
}

/// Every form, in the order they are reported.
const FORMS: [Form; 6] = [
    Form {
        name: "#[async_gen]",
        maker: "Stream",
        id: "async_gen",
        attribute: Some(("async_gen", "async ", "Res")),
        boxed: "BoxStream",
        wrap: "Box::pin",
        target: Target::AsyncGen,
        sync_only: false,
    },
    Form {
        name: "stream!",
        maker: "Stream",
        id: "stream",
        attribute: None,
        boxed: "BoxStream",
        wrap: "Box::pin",
        target: Target::Stream,
        sync_only: false,
    },
    Form {
        name: "#[generator]",
        maker: "Iter",
        id: "generator",
        attribute: Some(("generator", "", "Res")),
        boxed: "BoxIter",
        wrap: "Box::new",
        target: Target::Generator,
        sync_only: true,
    },
    Form {
        name: "iter!",
        maker: "Iter",
        id: "iter",
        attribute: None,
        boxed: "BoxIter",
        wrap: "Box::new",
        target: Target::Iter,
        sync_only: true,
    },
    Form {
        name: "#[coroutine] fn",
        maker: "Co",
        id: "coroutine",
        attribute: Some((
            "coroutine",
            "",
            "impl Coroutine<(), Yield = Res, Return = CoRet>",
        )),
        boxed: "BoxCo",
        wrap: "Box::pin",
        target: Target::Coroutine,
        sync_only: true,
    },
    Form {
        name: "#[coroutine] async fn",
        maker: "AsyncCo",
        id: "async_coroutine",
        attribute: Some((
            "coroutine",
            "async ",
            "impl AsyncCoroutine<(), Yield = Res, Return = CoRet>",
        )),
        boxed: "BoxAsyncCo",
        wrap: "Box::pin",
        target: Target::AsyncCoroutine,
        sync_only: false,
    },
];

/// The case's module and its entry in the `CASES` table.
fn render_case(case: &Case, areas: &Areas, modules: &mut String, table: &mut String) {
    let render = Render { areas };
    let body = |target: Target| {
        let mut out = String::new();
        let cx = Cx {
            target,
            yields: Yields::Direct,
            exit: Exit::Function,
        };
        render.node(&case.body, &cx, &mut out);
        match case.tail {
            Some(id) => render.node(&Node::Tail(id), &cx, &mut out),
            None if target.is_coroutine() || target == Target::Reference => {
                out.push_str("Ok(())");
            }
            None => {}
        }
        out
    };
    let params: String = case
        .args
        .iter()
        .map(|a| {
            let ty = if a.guard { "Guard<'a>" } else { "i64" };
            format!(", {}: {ty}", a.name)
        })
        .collect();
    let values: String = case.args.iter().map(|a| format!(", {}", a.value)).collect();
    // The block forms capture the arguments as locals, all of them (as the functions
    // keep all of theirs).
    let locals: String = case
        .args
        .iter()
        .map(|a| format!("let {} = {};\n", a.name, a.value))
        .collect();
    // Moved into locals of the body first, as an `async fn` does with its arguments:
    // unstarted, the block drops what it captured in the order it first mentions it
    // (the arguments' order); started, it drops the locals in reverse. The body is a
    // block of its own after them, so that in edition 2021 its tail expression's
    // temporaries, which outlive its locals, do not outlive these arguments either.
    let keep: String = case
        .args
        .iter()
        .map(|a| format!("let {0} = {0};\n", a.name))
        .collect();
    let source = if case.is_async {
        body(Target::AsyncGen)
    } else {
        body(Target::Generator)
    };
    let hashes = "#".repeat(4);
    let m = &mut *modules;
    let _ = writeln!(m, "pub mod case_{} {{\nuse super::*;", case.index);
    let _ = writeln!(m, "pub const SOURCE: &str = r{hashes}\"{source}\"{hashes};");
    let forms: Vec<&Form> = FORMS
        .iter()
        .filter(|form| !(form.sync_only && case.is_async))
        .collect();
    for form in &forms {
        let Form {
            id,
            boxed,
            wrap,
            target,
            ..
        } = form;
        let body = body(*target);
        match form.attribute {
            Some((attribute, asyncness, returns)) => {
                let _ = writeln!(
                    m,
                    "#[yieldkit::{attribute}]\n{asyncness}fn f_{id}<'a>(log: &'a Log{params}) -> {returns} {{\n{body}}}"
                );
                let _ = writeln!(
                    m,
                    "pub fn mk_{id}(log: &Log) -> {boxed}<'_> {{ {wrap}(f_{id}(log{values})) }}"
                );
            }
            None => {
                let _ = writeln!(
                    m,
                    "pub fn mk_{id}(log: &Log) -> {boxed}<'_> {{\n{locals}{wrap}(yieldkit::{id}! {{ type Item = Res;\n{keep}let () = {{\n{body}}};\n}})\n}}"
                );
            }
        }
    }
    // The reference: the body as a function whose `?` returns the error, which the
    // wrapper logs as the last item once the body's scopes (and arguments) are gone.
    let _ = writeln!(
        m,
        "fn body<'a>(log: &'a Log{params}) -> CoRet {{\n{}}}",
        body(Target::Reference)
    );
    let _ = writeln!(
        m,
        "pub fn reference(log: &Log) {{\nif !log.starts() {{ let _ = (log{values}); return; }}\nif let Err(e) = body(log{values}) {{ log.yielded(Err(e)); }} }}\n}}\n"
    );
    let t = &mut *table;
    let _ = write!(
        t,
        "Case {{ index: {}, seed: {:#x}, source: case_{0}::SOURCE, reference: case_{0}::reference, forms: &[",
        case.index, case.seed
    );
    for Form {
        name, maker, id, ..
    } in forms
    {
        let _ = write!(
            t,
            "Form {{ name: \"{name}\", make: Maker::{maker}(case_{}::mk_{id}) }}, ",
            case.index
        );
    }
    t.push_str("] },\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(areas: Areas) -> Config {
        Config {
            seed: DEFAULT_SEED,
            first: 0,
            cases: DEFAULT_CASES,
            areas,
            edition: "2024",
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_programs() {
        let a = generate(&config(Areas::default()));
        let b = generate(&config(Areas::default()));
        assert_eq!(a, b);
        let mut other = config(Areas::default());
        other.seed += 1;
        assert_ne!(a, generate(&other));
    }

    #[test]
    fn a_case_can_be_generated_alone() {
        let all = generate(&config(Areas::default())).concat();
        let mut one = config(Areas::default());
        one.first = 1234;
        one.cases = 1;
        let alone = generate(&one).concat();
        let start = alone.find("pub mod case_1234 ").expect("the case");
        let end = alone[start..].find("\n}\n").expect("its end") + start;
        assert!(all.contains(&alone[start..end]));
    }

    #[test]
    fn areas_parse() {
        let defaults = Areas::default_run();
        assert_eq!(defaults.letters(), "a,b,c,d,e,f,g,h");
        assert_eq!(Areas::parse("none", defaults), Ok(Areas::default()));
        assert_eq!(Areas::parse("all", defaults), Ok(Areas::all()));
        let some = Areas::parse("a, tail_temporaries", defaults).expect("valid");
        assert_eq!(some.letters(), "a,b");
        let fewer = Areas::parse("-c,-f", defaults).expect("valid");
        assert_eq!(fewer.letters(), "a,b,d,e,g,h");
        let back = Areas::parse("+c", fewer).expect("valid");
        assert_eq!(back.letters(), "a,b,c,d,e,g,h");
        assert_eq!(
            Areas::parse("-a", defaults).map(Areas::letters),
            Ok("b,c,d,e,f,g,h".into())
        );
        assert!(Areas::parse("z", defaults).is_err());
    }

    /// Every construct the test is meant to cover appears in the default run, and each
    /// area's construct appears exactly when it is on.
    #[test]
    fn the_default_run_covers_every_construct() {
        let none = generate(&config(Areas::default())).concat();
        for construct in [
            "#[for_await] for ",
            "for await ",
            "#[for_await] 'l",
            "yield_from!(yieldkit::stream!",
            "yield_from!(yieldkit::iter!",
            "yield_from!(futures::stream::iter",
            "in yieldkit::iter!",
            "#[cfg(all())] ",
            "#[cfg(any())] ",
            "let Some(",
            "let Ok(",
            " if v",
            "break 'l",
            "continue 'l",
            "continue;",
            "return;",
            "return Ok(())",
            ")?;",
            "pending_once(",
            "block_on(",
            "(yield Ok(",
            "then(yield_!(",
            "(vec![yield_!(",
            "(format!(\"{}-{:?}\", add(",
            "drop(g",
            "take(g",
            ".iter() {",
            " = &g",
            " else if ",
            "if let Ok(",
            "while then(",
            "= move || touch(&",
            "0 => yield_!(",
            "(async { let _g = log.guard(",
            "block_on(async {",
        ] {
            assert!(none.contains(construct), "no `{construct}` generated");
        }
        let all = generate(&config(Areas::all())).concat();
        for (construct, area) in [
            ("#[cfg(any())] yield_!(", 'a'),
            ("touch_unit(&log.guard(", 'b'),
            ("Guard<'a>", 'c'),
            ("yield_!(Ok(then(yield_!(", 'd'),
            (": for await ", 'e'),
            ("futures::select!", 'f'),
            ("yield_!(Ok(touch(&log.guard(", 'g'),
            ("\ndefer! { log.deferred(", 'h'),
            ("yieldkit::defer! { log.deferred(", 'h'),
            ("log.defer_guard(1, ", 'h'),
        ] {
            assert!(
                all.contains(construct),
                "no `{construct}` with area ({area}) on"
            );
            assert!(
                !none.contains(construct),
                "`{construct}` generated with area ({area}) off"
            );
        }
        assert!(
            all.lines()
                .any(|line| line.contains("defer! { log.deferred(") && line.contains(".await")),
            "no deferred code that awaits"
        );
    }
}
