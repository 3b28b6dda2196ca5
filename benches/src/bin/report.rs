//! Measures every cell and writes `docs/BENCHMARKS.md`. Run through `benches/run`.
//!
//! Options: `--scale S` (workload sizes, 1 = the issue's), `--reps N` (wall-time runs
//! per cell), `--skip-compile` (no compile-time comparison), `--out PATH`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

type Figures = BTreeMap<String, f64>;

struct Opts {
    scale: f64,
    reps: usize,
    compile: bool,
    out: PathBuf,
}

fn main() {
    let benches = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = benches.parent().expect("benches/ sits in the repository");
    let mut opts = Opts {
        scale: 1.0,
        reps: 7,
        compile: true,
        out: root.join("docs/BENCHMARKS.md"),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--scale" => opts.scale = args.next().and_then(|s| s.parse().ok()).expect("--scale S"),
            "--reps" => opts.reps = args.next().and_then(|s| s.parse().ok()).expect("--reps N"),
            "--skip-compile" => opts.compile = false,
            "--out" => opts.out = args.next().expect("--out PATH").into(),
            other => panic!("unknown option {other}"),
        }
    }
    let exe = std::env::current_exe().expect("current exe");
    let target = exe.parent().unwrap().parent().unwrap().to_path_buf();
    let measure = exe.with_file_name("measure");

    eprintln!("[report] stable suite: callgrind");
    let mut data = Suite::measure(&measure, &opts);
    eprintln!("[report] nightly suite");
    let nightly = build_nightly(benches, &target).map(|bin| Suite::measure(&bin, &opts));
    if let Err(why) = &nightly {
        eprintln!("[report] nightly yardstick skipped: {why}");
    }
    let compile = if opts.compile {
        eprintln!("[report] compile time");
        Some(compile_time(root, &target, nightly.is_ok()))
    } else {
        None
    };
    data.nightly = nightly.map(Box::new);
    let md = render(&data, compile.as_ref(), &opts, benches);
    fs::create_dir_all(opts.out.parent().unwrap()).unwrap();
    fs::write(&opts.out, md).unwrap();
    eprintln!("[report] wrote {}", opts.out.display());
}

struct Suite {
    instr: Figures,
    wall: Figures,
    sizes: Figures,
    allocs: Figures,
    nightly: Result<Box<Suite>, String>,
}

impl Suite {
    fn measure(bin: &Path, opts: &Opts) -> Suite {
        Suite {
            instr: callgrind(bin, opts.scale),
            wall: tsv(
                bin,
                &["time", &opts.scale.to_string(), &opts.reps.to_string()],
            ),
            sizes: tsv(bin, &["sizes"]),
            allocs: tsv(bin, &["allocs", &(opts.scale / 10.0).to_string()]),
            nightly: Err(String::new()),
        }
    }
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    if !out.status.success() {
        panic!("{cmd:?} failed:\n{}", String::from_utf8_lossy(&out.stderr));
    }
    String::from_utf8(out.stdout).unwrap()
}

fn tsv(bin: &Path, args: &[&str]) -> Figures {
    run(Command::new(bin).args(args))
        .lines()
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?.to_string(), f.next()?.parse().ok()?))
        })
        .collect()
}

/// Instructions per unit of every cell: one callgrind run, counting only inside
/// `yieldkit_bench_region` and dumping after each call, so dump k belongs to cell k.
fn callgrind(bin: &Path, scale: f64) -> Figures {
    let dir = std::env::temp_dir().join(format!("yieldkit-callgrind-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let out_file = dir.join("cg.out");
    let listing = run(Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg("--collect-atstart=no")
        .arg("--toggle-collect=yieldkit_bench_region")
        .arg("--dump-after=yieldkit_bench_region")
        .arg(format!("--callgrind-out-file={}", out_file.display()))
        .arg(bin)
        .args(["run", &scale.to_string()]));
    let mut figures = Figures::new();
    for (k, line) in listing.lines().enumerate() {
        let mut f = line.split('\t');
        let (key, units) = (f.next().unwrap(), f.next().unwrap().parse::<f64>().unwrap());
        let dump = fs::read_to_string(dir.join(format!("cg.out.{}", k + 1))).unwrap();
        let total: f64 = dump
            .lines()
            .find_map(|l| l.strip_prefix("totals: "))
            .and_then(|t| t.trim().parse().ok())
            .expect("a totals line");
        figures.insert(key.to_string(), total / units);
    }
    let _ = fs::remove_dir_all(&dir);
    figures
}

fn build_nightly(benches: &Path, target: &Path) -> Result<PathBuf, String> {
    let dir = benches.join("nightly");
    let version = Command::new("cargo")
        .args(["+nightly", "--version"])
        .current_dir(&dir)
        .output();
    match version {
        Ok(o) if o.status.success() => {}
        _ => return Err("no nightly toolchain (`rustup toolchain install nightly`)".into()),
    }
    let target = target.join("nightly");
    let status = Command::new("cargo")
        .args(["+nightly", "build", "--release", "--quiet"])
        .env("CARGO_TARGET_DIR", &target)
        .current_dir(&dir)
        .status()
        .map_err(|e| e.to_string())?;
    if !status.success() {
        return Err("the nightly crate failed to build".into());
    }
    Ok(target.join("release/measure-nightly"))
}

struct CompileTime {
    /// Clean debug builds of a one-function crate, dependencies included: yieldkit's and
    /// async-stream's median wall seconds.
    clean: [(&'static str, f64); 2],
    functions: usize,
    /// Per generated crate: `cargo check` seconds, and rustc's `expand_crate` seconds
    /// (nightly `-Z time-passes`) when a nightly toolchain is installed.
    crates: Vec<(&'static str, f64, Option<f64>)>,
}

/// Clean debug builds (`cargo build`, empty target directory, dependencies fetched,
/// not incremental) of a crate with one generator function, seven times each,
/// interleaved: what a new user waits for first. Wall seconds per build, yieldkit's
/// then async-stream's.
fn clean_builds(root: &Path, dir: &Path) -> [Vec<f64>; 2] {
    const REPS: usize = 7;
    let crates = [
        (
            "clean-yieldkit",
            format!(
                "yieldkit = {{ path = {:?} }}\n",
                root.join("runtime").display().to_string()
            ),
            "#[yieldkit::async_gen]\npub async fn numbers(n: u32) -> u32 {\n    for i in 0..n {\n        yield_!(i);\n    }\n}\n",
        ),
        (
            "clean-async-stream",
            String::from("async-stream = \"0.3.6\"\nfutures-core = \"0.3.31\"\n"),
            "pub fn numbers(n: u32) -> impl futures_core::Stream<Item = u32> {\n    async_stream::stream! {\n        for i in 0..n {\n            yield i;\n        }\n    }\n}\n",
        ),
    ];
    let mut times = [Vec::new(), Vec::new()];
    for (name, deps, src) in &crates {
        let d = dir.join(name);
        fs::create_dir_all(d.join("src")).unwrap();
        fs::write(
            d.join("Cargo.toml"),
            format!("[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\n{deps}\n[workspace]\n"),
        )
        .unwrap();
        fs::write(d.join("src/lib.rs"), src).unwrap();
        run(Command::new("cargo")
            .arg("fetch")
            .arg("--quiet")
            .current_dir(&d));
    }
    for _ in 0..REPS {
        for (k, (name, _, _)) in crates.iter().enumerate() {
            let d = dir.join(name);
            let _ = fs::remove_dir_all(d.join("target"));
            let start = Instant::now();
            // Not incremental: a dependency from crates.io never is, and yieldkit's
            // path dependency here would be (about 0.4 s more on this machine).
            run(Command::new("cargo")
                .args(["build", "--quiet"])
                .current_dir(&d)
                .env("CARGO_TARGET_DIR", d.join("target"))
                .env("CARGO_INCREMENTAL", "0"));
            times[k].push(start.elapsed().as_secs_f64());
        }
    }
    times
}

/// The generated crates: name, label, dependencies, one function's source.
const COMPILE_CRATES: [(&str, &str); 4] = [
    ("gen-yieldkit", "yieldkit `#[async_gen]`"),
    ("gen-yieldkit-block", "yieldkit `stream!`"),
    ("gen-async-stream", "async-stream `stream!`"),
    ("gen-plain", "plain functions, no generator (baseline)"),
];

/// The body every generator function has, with `Y(x)` standing for a yield.
fn generated_body(k: usize, yield_: &dyn Fn(&str) -> String) -> String {
    format!(
        "for i in 0..n {{ if i % 3 == {m} {{ {y1} }} }} core::future::ready(()).await; {y2}",
        m = k % 3,
        y1 = yield_("i + s.len() as u64"),
        y2 = yield_(&k.to_string()),
    )
}

/// `cargo check` of generated crates with 200 generator functions each (yieldkit's two
/// forms, async-stream, and plain functions as the baseline): dependencies built
/// first, then the median of fifteen interleaved checks of each crate alone after
/// touching its source; and, with nightly, rustc's macro expansion time.
fn compile_time(root: &Path, target: &Path, nightly: bool) -> CompileTime {
    const FUNCTIONS: usize = 200;
    const REPS: usize = 15;
    let dir = target.join("compile-time");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    fs::copy(root.join("benches/Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    let members: Vec<String> = COMPILE_CRATES
        .iter()
        .map(|(n, _)| format!("{n:?}"))
        .collect();
    fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[workspace]\nresolver = \"3\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    )
    .unwrap();
    let yieldkit_dep = format!(
        "yieldkit = {{ path = {:?} }}\n",
        root.join("runtime").display().to_string()
    );
    let as_dep = "async-stream = \"0.3.6\"\nfutures-core = \"0.3.31\"\n";
    for (name, _) in COMPILE_CRATES {
        let (deps, mut src) = match name {
            "gen-yieldkit" => (
                yieldkit_dep.as_str(),
                String::from("use yieldkit::async_gen;\n"),
            ),
            "gen-yieldkit-block" | "gen-async-stream" => (
                if name == "gen-yieldkit-block" {
                    yieldkit_dep.as_str()
                } else {
                    as_dep
                },
                String::from("use futures_core::Stream;\n"),
            ),
            _ => ("", String::new()),
        };
        let deps = if name == "gen-yieldkit-block" {
            format!("{deps}futures-core = \"0.3.31\"\n")
        } else {
            deps.to_string()
        };
        for k in 0..FUNCTIONS {
            let sig = format!("pub fn g{k}(n: u64, s: &'static str)");
            let item = match name {
                "gen-yieldkit" => format!(
                    "#[async_gen]\npub async fn g{k}(n: u64, s: &'static str) -> u64 {{ {} }}",
                    generated_body(k, &|v| format!("yield_!({v});"))
                ),
                "gen-yieldkit-block" => format!(
                    "{sig} -> impl Stream<Item = u64> {{ yieldkit::stream! {{ {} }} }}",
                    generated_body(k, &|v| format!("yield {v};"))
                ),
                "gen-async-stream" => format!(
                    "{sig} -> impl Stream<Item = u64> {{ async_stream::stream! {{ {} }} }}",
                    generated_body(k, &|v| format!("yield {v};"))
                ),
                _ => format!(
                    "{sig} -> u64 {{ let mut t = 0; for i in 0..n {{ if i % 3 == {} {{ t += i + s.len() as u64; }} }} t + {k} }}",
                    k % 3
                ),
            };
            writeln!(src, "{item}").unwrap();
        }
        let d = dir.join(name);
        fs::create_dir_all(d.join("src")).unwrap();
        fs::write(
            d.join("Cargo.toml"),
            format!("[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\n{deps}"),
        )
        .unwrap();
        fs::write(d.join("src/lib.rs"), src).unwrap();
    }
    let touch = |package: &str| {
        let lib = dir.join(package).join("src/lib.rs");
        let f = fs::File::options().write(true).open(&lib).unwrap();
        f.set_modified(std::time::SystemTime::now()).unwrap();
    };
    // CPU time (user + system, cargo and rustc) through GNU time where it is
    // installed: on a machine shared with other work it varies far less than wall
    // time. Wall time otherwise.
    let gnu_time = Path::new("/usr/bin/time").exists();
    let times_file = dir.join("time.out");
    let check = |package: Option<&str>| {
        let mut cmd = if gnu_time {
            let mut c = Command::new("/usr/bin/time");
            c.arg("-f")
                .arg("%U %S")
                .arg("-o")
                .arg(&times_file)
                .arg("cargo");
            c
        } else {
            Command::new("cargo")
        };
        cmd.arg("check")
            .arg("--quiet")
            .current_dir(&dir)
            .env("CARGO_TARGET_DIR", dir.join("target"));
        if let Some(p) = package {
            touch(p);
            cmd.args(["-p", p]);
        }
        let start = Instant::now();
        run(&mut cmd);
        let wall = start.elapsed().as_secs_f64();
        if !gnu_time {
            return wall;
        }
        fs::read_to_string(&times_file)
            .ok()
            .and_then(|t| {
                let mut f = t.split_whitespace().map(|x| x.parse::<f64>().ok());
                Some(f.next()?? + f.next()??)
            })
            .unwrap_or(wall)
    };
    // rustc's own figure for macro expansion, from nightly's `-Z time-passes`.
    let expansion = |package: &str| -> Option<f64> {
        touch(package);
        let out = Command::new("cargo")
            .args([
                "+nightly",
                "rustc",
                "--quiet",
                "-p",
                package,
                "--",
                "-Ztime-passes",
            ])
            .current_dir(&dir)
            .env("CARGO_TARGET_DIR", dir.join("target-nightly"))
            .output()
            .ok()?;
        let stderr = String::from_utf8_lossy(&out.stderr);
        stderr
            .lines()
            .find(|l| l.trim_end().ends_with("expand_crate"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|t| t.trim_end_matches(';').parse().ok())
    };
    check(None);
    if nightly {
        for (name, _) in COMPILE_CRATES {
            expansion(name);
        }
    }
    // Interleaved, so drift in the machine's load hits every crate alike.
    let mut checks = vec![Vec::new(); COMPILE_CRATES.len()];
    let mut expansions = vec![Vec::new(); COMPILE_CRATES.len()];
    for _ in 0..REPS {
        for (k, (name, _)) in COMPILE_CRATES.iter().enumerate() {
            checks[k].push(check(Some(name)));
            if let Some(t) = nightly.then(|| expansion(name)).flatten() {
                expansions[k].push(t);
            }
        }
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied()
    };
    let clean = clean_builds(root, &dir);
    CompileTime {
        clean: [
            ("yieldkit `#[async_gen]`", median(clean[0].clone()).unwrap()),
            ("async-stream `stream!`", median(clean[1].clone()).unwrap()),
        ],
        functions: FUNCTIONS,
        crates: COMPILE_CRATES
            .iter()
            .zip(checks.into_iter().zip(expansions))
            .map(|((_, label), (c, e))| (*label, median(c).unwrap(), median(e)))
            .collect(),
    }
}

/// Why the missed targets are missed, and what was tried; the figures in the tables
/// above are this run's.
const WHY: &str = "
### Where the targets are missed, and why

**W1 at 30 instructions per item.** Nightly `async gen` returns the item from the
coroutine in registers. A stable generator cannot: its body is an `async` block whose
`poll` returns `Poll<()>`, so every item goes through memory. Per item, yieldkit's
`poll_next` spends about 9 instructions on that hand-over (load the slot pointer the body
holds, store the value and the full flag, check the flag after the poll, clear it,
reload the value) plus 2 on the yield future's resume check, on top of the coroutine's
own state dispatch and the loop that nightly also pays. LLVM cannot forward the
body's stores to the generator's loads because the body writes through a pointer it
stored, which it cannot prove equal to the generator's own slot. What was tried, in
order (each step measured with this suite): a yield future
that holds one flag byte instead of a pointer (6 fewer per item in W1); the first poll
out of line (1-5 fewer per item, 13-18 per W5 generator); the generator's state folded
into the slot's state byte, with the closure and the body future in a union (8 bytes
smaller, 1-2 fewer per item with `dyn`, at first 3 more with `next`); then a single
call site for the body's `poll` (9-13 fewer in W4, 5 in W1 `next`). Giving each
benchmark cell its own instantiations (the measurement trap) changed every
implementation's `next` figures, not yieldkit's alone. The sound handle (a token the body
turns into a handle branded by one of its locals) and a state kept apart from the full
flag, so that a destructor yielding while the body is dropped cannot be mistaken for a
running body, cost 0-2 per item; the slots placed at the start of the body cell and the
\"pending for something else\" path marked cold won most of that back. `dyn` stays about
10 above the target, `next` about 1.

**Size.** yieldkit keeps the yielded value in the generator (the slot: the value plus a full
flag and the body's state, 16 bytes for a `u64`) so that no thread-local is needed;
async-stream keeps it on the consumer's stack and reaches it through a thread-local,
keeping only a `done` flag. And the body holds both the token it was handed and the
handle it made from it (8 bytes each): the handle carries a lifetime borrowed from the
body, which is what keeps safe code from taking it out of the body, and the token, an
argument of the body's closure, stays in the future after it is used. Holding the value
anywhere but in the generator means a thread-local or a wrapped waker, which
TECHNIQUE.md rules out.
";

/// The crates whose versions the report names.
const PEERS: [&str; 6] = [
    "yieldkit",
    "async-stream",
    "asynk-strim",
    "async-fn-stream",
    "genawaiter",
    "futures",
];

const ASYNC_IMPLS: [&str; 10] = [
    "hand-written",
    "yieldkit #[async_gen]",
    "yieldkit stream!",
    "async-stream",
    "asynk-strim",
    "async-fn-stream",
    "futures iter",
    "futures unfold",
    "genawaiter rc",
    "genawaiter stack",
];
const SYNC_IMPLS: [&str; 5] = [
    "Range / hand-written",
    "yieldkit #[generator]",
    "yieldkit #[generator(unboxed)]",
    "yieldkit iter!",
    "genawaiter rc",
];
const YIELDKIT_SYNC: [&str; 3] = [
    "yieldkit #[generator]",
    "yieldkit #[generator(unboxed)]",
    "yieldkit iter!",
];
const RESUME_IMPLS: [&str; 4] = [
    "hand-written",
    "yieldkit #[coroutine]",
    "genawaiter rc",
    "genawaiter stack",
];
const AGEN: [&str; 2] = ["yieldkit #[async_gen]", "yieldkit stream!"];
const WORKLOADS: [&str; 5] = ["W1", "W2", "W3", "W4", "W5"];
const MODES: [&str; 2] = ["dyn", "next"];

fn key(w: &str, m: &str, imp: &str) -> String {
    format!("{w}/{m}/{imp}")
}

/// One table: a row per implementation, a column per (workload, mode), each cell the
/// figure and its ratio to the floor of the same suite.
fn ratio_table(md: &mut String, data: &Suite, pick: fn(&Suite) -> &Figures, digits: usize) {
    md.push_str("| implementation |");
    for w in WORKLOADS {
        for m in MODES {
            write!(md, " {w} {m} |").unwrap();
        }
    }
    md.push_str("\n|---|");
    md.push_str(&"---:|".repeat(WORKLOADS.len() * MODES.len()));
    md.push('\n');
    let mut row = |suite: &Suite, imp: &str, label: &str| {
        write!(md, "| {label} |").unwrap();
        for w in WORKLOADS {
            for m in MODES {
                let figures = pick(suite);
                let v = figures.get(&key(w, m, imp));
                let floor = figures.get(&key(w, m, "hand-written"));
                match (v, floor) {
                    (Some(v), Some(f)) if imp != "hand-written" => {
                        write!(md, " {v:.digits$} ({:.2}x) |", v / f).unwrap()
                    }
                    (Some(v), _) => write!(md, " {v:.digits$} |").unwrap(),
                    _ => md.push_str(" — |"),
                }
            }
        }
        md.push('\n');
    };
    for imp in ASYNC_IMPLS {
        let label = if AGEN.contains(&imp) {
            format!("**{imp}**")
        } else {
            imp.to_string()
        };
        row(data, imp, &label);
    }
    if let Ok(n) = &data.nightly {
        row(n, "hand-written", "hand-written (nightly rustc)");
        row(
            n,
            "nightly async gen",
            "nightly `async gen` (ratio to the nightly floor)",
        );
    }
}

fn sync_table(md: &mut String, data: &Suite) {
    md.push_str(
        "| implementation | S1 dyn | S1 for | S3 dyn | S3 for |\n|---|---:|---:|---:|---:|\n",
    );
    let mut row = |suite: &Suite, imp: &str, label: &str| {
        write!(md, "| {label} |").unwrap();
        for w in ["S1", "S3"] {
            for m in ["dyn", "for"] {
                let v = suite.instr.get(&key(w, m, imp));
                let floor = suite.instr.get(&key(w, m, "Range / hand-written"));
                match (v, floor) {
                    (Some(v), Some(f)) if imp != "Range / hand-written" => {
                        write!(md, " {v:.1} ({:.2}x) |", v / f).unwrap()
                    }
                    (Some(v), _) => write!(md, " {v:.1} |").unwrap(),
                    _ => md.push_str(" — |"),
                }
            }
        }
        md.push('\n');
    };
    for imp in SYNC_IMPLS {
        row(data, imp, imp);
    }
    if let Ok(n) = &data.nightly {
        row(
            n,
            "Range / hand-written",
            "Range / hand-written (nightly rustc)",
        );
        row(
            n,
            "nightly gen",
            "nightly `gen` (ratio to the nightly floor)",
        );
    }
}

fn shell(cmd: &str) -> String {
    Command::new("sh")
        .args(["-c", cmd])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

fn render(data: &Suite, compile: Option<&CompileTime>, opts: &Opts, benches: &Path) -> String {
    let mut md = String::new();
    md.push_str(
        "# Benchmarks\n\n\
         Generated by `benches/run` (the `report` binary of `benches/`): do not edit by hand.\n\
         Every figure of one table comes from one run of one process, so ratios compare like with like.\n\n\
         Each workload is drained by the same harness code for every implementation\n\
         (`benches/src/harness.rs`, monomorphised per implementation), in two consumer modes:\n\n\
         - **dyn**: the stream is polled through an opaque `Pin<&mut dyn Stream>`, one indirect call per item;\n\
         - **next**: `while let Some(x) = next(s).await` inside an async block polled through\n  \
           `Pin<&mut dyn Future>`, so the optimiser may inline the stream into its consumer.\n\n\
         Workloads: **W1** yields `0..1_000_000`; **W2** the same, awaiting `core::future::ready(())`\n\
         before each yield; **W3** yields `i * j` for the 500,000 pairs of `0..1000 x 0..1000` with\n\
         `(i ^ j) & 1 == 0`; **W4** `for await`s an inner generator of `0..1_000_000` and yields `x * 2`;\n\
         **W5** creates and drains 1,000,000 generators of 3 items each (figures per generator).\n\
         Items are summed through `black_box`; wakers are no-ops.\n\n",
    );
    writeln!(md, "## Instructions per item (callgrind)\n").unwrap();
    md.push_str(
        "`valgrind --tool=callgrind`, counting only inside the measured call. Ratio to the\n\
         hand-written `Stream` in parentheses. W5 is per generator (3 items + creation).\n\
         The nightly rows come from a separate binary built by nightly rustc, with the same\n\
         harness and floor; their ratios are to that binary's own floor.\n\n",
    );
    ratio_table(&mut md, data, |s| &s.instr, 1);
    writeln!(
        md,
        "\n## Wall time per item (ns, median of {} runs)\n",
        opts.reps
    )
    .unwrap();
    md.push_str("On a shared 2-core machine: noisy, read the instruction counts first.\n\n");
    ratio_table(&mut md, data, |s| &s.wall, 2);
    md.push_str("\n## Size of the stream object (bytes)\n\n");
    md.push_str("`size_of_val` of the value the workload function returns (genawaiter stack keeps its state in a caller-side `Shelf`, and genawaiter rc on the heap: not comparable).\n\n| implementation | W1 | W2 | W3 | W4 | W5 |\n|---|---:|---:|---:|---:|---:|\n");
    let size_rows = |md: &mut String, suite: &Suite, imps: &[&str]| {
        for imp in imps {
            write!(md, "| {imp} |").unwrap();
            for w in WORKLOADS {
                match suite.sizes.get(&key(w, "dyn", imp)) {
                    Some(v) if *v > 0.0 => write!(md, " {v} |").unwrap(),
                    _ => md.push_str(" — |"),
                }
            }
            md.push('\n');
        }
    };
    size_rows(&mut md, data, &ASYNC_IMPLS);
    if let Ok(n) = &data.nightly {
        size_rows(&mut md, n, &["nightly async gen"]);
    }
    md.push_str("\n## Heap allocations\n\nCounted by a `#[global_allocator]` around the measured call.\n\n| implementation | per item (W1) | per generator (W5) |\n|---|---:|---:|\n");
    let alloc_rows = |md: &mut String, suite: &Suite, imps: &[&str]| {
        for imp in imps {
            let a = |w| {
                suite
                    .allocs
                    .get(&key(w, "dyn", imp))
                    .copied()
                    .unwrap_or(f64::NAN)
            };
            writeln!(md, "| {imp} | {:.3} | {:.3} |", a("W1"), a("W5")).unwrap();
        }
    };
    alloc_rows(&mut md, data, &ASYNC_IMPLS);
    if let Ok(n) = &data.nightly {
        alloc_rows(&mut md, n, &["nightly async gen"]);
    }
    md.push_str("\n## Sync generators (instructions per item)\n\n");
    md.push_str("S1 yields `0..1_000_000`, S3 is W3; **dyn** drives `&mut dyn Iterator`, **for** a plain `for` loop.\n\n");
    sync_table(&mut md, data);
    md.push_str("\n## Comprehensions (instructions per item)\n\n");
    md.push_str("C1 collects the hand-written stream of `0..1_000_000` into a `Vec` inside an async block.\n\n| implementation | C1 | ratio |\n|---|---:|---:|\n");
    let by_hand = data.instr.get("C1/next/hand-written while let").copied();
    for imp in ["hand-written while let", "yieldkit collect!"] {
        match (data.instr.get(&key("C1", "next", imp)), by_hand) {
            (Some(v), Some(f)) => writeln!(md, "| {imp} | {v:.1} | {:.2}x |", v / f).unwrap(),
            _ => writeln!(md, "| {imp} | — | — |").unwrap(),
        }
    }
    md.push_str("\n## Awaited cleanup (instructions per item)\n\n");
    md.push_str("D1 is W1 with a `defer!` around its loop, drained by a `while let` loop inside an async block, beside W1 without it.\n\n| implementation | D1 | ratio |\n|---|---:|---:|\n");
    let by_hand = data.instr.get("D1/next/hand-written").copied();
    for imp in [
        "hand-written",
        "yieldkit #[async_gen]",
        "yieldkit #[async_gen] + defer!",
    ] {
        match (data.instr.get(&key("D1", "next", imp)), by_hand) {
            (Some(v), Some(f)) => writeln!(md, "| {imp} | {v:.1} | {:.2}x |", v / f).unwrap(),
            _ => writeln!(md, "| {imp} | — | — |").unwrap(),
        }
    }
    md.push_str("\n## Coroutine resumes (instructions per resume)\n\n");
    md.push_str("R1 resumes a coroutine 1,000,000 times, sending `i` and getting the running sum back.\n\n| implementation | R1 | ratio |\n|---|---:|---:|\n");
    let floor = data.instr.get("R1/resume/hand-written").copied();
    for imp in RESUME_IMPLS {
        match (data.instr.get(&key("R1", "resume", imp)), floor) {
            (Some(v), Some(f)) => writeln!(md, "| {imp} | {v:.1} | {:.2}x |", v / f).unwrap(),
            _ => writeln!(md, "| {imp} | — | — |").unwrap(),
        }
    }
    md.push_str("\n## Compile time\n\n");
    match compile {
        Some(c) => {
            let [(yieldkit, yieldkit_s), (peer, peer_s)] = c.clean;
            writeln!(
                md,
                "A clean debug build of a crate with one generator function, dependencies\n\
                 included (`cargo build` into an empty target directory, `CARGO_INCREMENTAL=0`\n\
                 as for any crates.io dependency; median of 7 interleaved runs, wall seconds):\n\
                 what a new user waits for first.\n\n\
                 | crate | clean build (s) | ratio |\n|---|---:|---:|\n\
                 | {yieldkit} | {yieldkit_s:.2} | {:.2}x |\n| {peer} | {peer_s:.2} | 1.00x |\n",
                yieldkit_s / peer_s
            )
            .unwrap();
            writeln!(
                md,
                "`cargo check` of generated crates with {} functions each (the same body in\n\
                 every generator; the baseline has plain functions with the same loop), dependencies\n\
                 already built; median of 15 interleaved runs, in CPU seconds (user + system, GNU\n\
                 `time`) where available, else wall seconds. \"over baseline\" subtracts the\n\
                 plain crate's time (cargo's own start-up and the shared work). \"expansion\" is rustc's\n\
                 `expand_crate` pass (nightly `-Z time-passes`, median of 15), where the macros run.\n\n\
                 | crate | check (s) | over baseline (s) | expansion (s) |\n|---|---:|---:|---:|",
                c.functions
            )
            .unwrap();
            let baseline = c.crates.last().map_or(0.0, |b| b.1);
            for (label, check, expansion) in &c.crates {
                let expansion = expansion.map_or_else(|| "—".to_string(), |e| format!("{e:.3}"));
                writeln!(
                    md,
                    "| {label} | {check:.3} | {:.3} | {expansion} |",
                    check - baseline
                )
                .unwrap();
            }
        }
        None => md.push_str("Not measured in this run (`--skip-compile`).\n"),
    }
    md.push_str("\n## Targets\n\n");
    targets(&mut md, data, compile);
    md.push_str(WHY);
    md.push_str("\n## Setup\n\n");
    let lock = fs::read_to_string(benches.join("Cargo.lock")).unwrap_or_default();
    let mut versions = Vec::new();
    let mut name = "";
    for line in lock.lines() {
        if let Some(n) = line.strip_prefix("name = ") {
            name = n.trim_matches('"');
        } else if let Some(v) = line.strip_prefix("version = ")
            && PEERS.contains(&name)
        {
            versions.push(format!("{name} {}", v.trim_matches('"')));
        }
    }
    writeln!(
        md,
        "- Command: `benches/run{}`",
        if opts.scale == 1.0 {
            String::new()
        } else {
            format!(" --scale {}", opts.scale)
        }
    )
    .unwrap();
    writeln!(
        md,
        "- Machine: {}, {} cores; {}",
        shell("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"),
        shell("nproc"),
        shell("uname -sr")
    )
    .unwrap();
    writeln!(md, "- Stable toolchain: {}", shell("rustc --version")).unwrap();
    match &data.nightly {
        Ok(_) => writeln!(
            md,
            "- Nightly toolchain: {}",
            shell("rustc +nightly --version")
        )
        .unwrap(),
        Err(why) => writeln!(
            md,
            "- Nightly toolchain: none, nightly rows skipped ({why})"
        )
        .unwrap(),
    }
    writeln!(md, "- {}", shell("valgrind --version")).unwrap();
    writeln!(md, "- Crates: {}", versions.join(", ")).unwrap();
    md.push_str("- Profile: release, `codegen-units = 1`, no LTO.\n");
    md
}

/// The targets, checked against this run.
fn targets(md: &mut String, data: &Suite, compile: Option<&CompileTime>) {
    let mut worst_vs_as = (0.0f64, String::new());
    let mut all_ok = true;
    for w in WORKLOADS {
        for m in MODES {
            let theirs = data.instr[&key(w, m, "async-stream")];
            for imp in AGEN {
                let ours = data.instr[&key(w, m, imp)];
                if ours > theirs + 0.05 {
                    all_ok = false;
                }
                if ours / theirs > worst_vs_as.0 {
                    worst_vs_as = (ours / theirs, format!("{w} {m}, {imp}"));
                }
            }
        }
    }
    let mark = |ok: bool| if ok { "met" } else { "**missed**" };
    writeln!(
        md,
        "- yieldkit no more instructions per item than async-stream in every W1-W5 cell: {} (highest ratio {:.2}x, {})",
        mark(all_ok),
        worst_vs_as.0,
        worst_vs_as.1
    )
    .unwrap();
    let w1 = |m| {
        AGEN.iter()
            .map(|imp| data.instr[&key("W1", m, imp)])
            .fold(0.0, f64::max)
    };
    let (w1_dyn, w1_next) = (w1("dyn"), w1("next"));
    writeln!(
        md,
        "- W1 at most 30 instructions per item in both modes: {} ({w1_dyn:.1} dyn, {w1_next:.1} next)",
        mark(w1_dyn.max(w1_next) <= 30.05)
    )
    .unwrap();
    let allocs = AGEN
        .iter()
        .flat_map(|imp| ["W1", "W5"].map(|w| data.allocs[&key(w, "dyn", imp)]))
        .fold(0.0, f64::max);
    writeln!(
        md,
        "- zero heap allocations per generator and per item: {}",
        mark(allocs == 0.0)
    )
    .unwrap();
    let mut larger = Vec::new();
    for w in WORKLOADS {
        let ours = data.sizes[&key(w, "dyn", AGEN[0])];
        let theirs = data.sizes[&key(w, "dyn", "async-stream")];
        if ours > theirs {
            larger.push(format!("{w} {ours} vs {theirs} bytes"));
        }
    }
    writeln!(
        md,
        "- every yieldkit stream no larger than async-stream's: {}{}",
        mark(larger.is_empty()),
        if larger.is_empty() {
            String::new()
        } else {
            format!(" ({})", larger.join(", "))
        }
    )
    .unwrap();
    if let Some(c) = compile {
        let [(_, ours), (_, theirs)] = c.clean;
        writeln!(
            md,
            "- a clean debug build of a one-function crate within 1.2x of async-stream's: {} ({ours:.2}s vs {theirs:.2}s, {:.2}x)",
            mark(ours <= theirs * 1.2),
            ours / theirs
        )
        .unwrap();
        let find = |label: &str| c.crates.iter().find(|k| k.0 == label).copied();
        if let (Some(a), Some(b)) = (
            find("yieldkit `#[async_gen]`"),
            find("async-stream `stream!`"),
        ) {
            // 3% is this machine's run-to-run spread of these medians.
            let ok = a.1 <= b.1 * 1.03 && a.2.zip(b.2).is_none_or(|(x, y)| x <= y * 1.03);
            writeln!(
                md,
                "- macro expansion and `cargo check` no slower than async-stream (within the 3% noise): {} (check {:.3}s vs {:.3}s{})",
                mark(ok),
                a.1,
                b.1,
                a.2.zip(b.2)
                    .map_or(String::new(), |(x, y)| format!(", expansion {x:.3}s vs {y:.3}s"))
            )
            .unwrap();
        }
    }
    let Ok(nightly) = &data.nightly else {
        md.push_str("- S1/S3 against nightly `gen`: not measured (no nightly toolchain)\n");
        return;
    };
    let mut worst_gen = (0.0f64, String::new());
    let mut behind_genawaiter = Vec::new();
    for w in ["S1", "S3"] {
        for m in ["dyn", "for"] {
            let theirs = nightly.instr[&key(w, m, "nightly gen")];
            let genawaiter = data.instr[&key(w, m, "genawaiter rc")];
            for imp in YIELDKIT_SYNC {
                let Some(&ours) = data.instr.get(&key(w, m, imp)) else {
                    continue;
                };
                if ours / theirs > worst_gen.0 {
                    worst_gen = (ours / theirs, format!("{w} {m}, {imp}"));
                }
                if ours >= genawaiter {
                    behind_genawaiter.push(format!("{w} {m} {imp}"));
                }
            }
        }
    }
    writeln!(
        md,
        "- S1/S3 within 2x of nightly `gen`: {} (highest ratio {:.2}x, {})",
        mark(worst_gen.0 <= 2.0),
        worst_gen.0,
        worst_gen.1
    )
    .unwrap();
    writeln!(
        md,
        "- S1/S3 ahead of genawaiter: {}",
        mark(behind_genawaiter.is_empty())
    )
    .unwrap();
    let resume = |imp: &str| data.instr.get(&key("R1", "resume", imp)).copied();
    if let (Some(ours), Some(rc), Some(stack)) = (
        resume("yieldkit #[coroutine]"),
        resume("genawaiter rc"),
        resume("genawaiter stack"),
    ) {
        writeln!(
            md,
            "- a coroutine resume cheaper than genawaiter's `resume_with`: {} ({ours:.1} vs {rc:.1} (rc) and {stack:.1} (stack) per resume)",
            mark(ours < rc.min(stack))
        )
        .unwrap();
    }
    if let (Some(c), Some(h)) = (
        data.instr.get("C1/next/yieldkit collect!"),
        data.instr.get("C1/next/hand-written while let"),
    ) {
        writeln!(
            md,
            "- C1 within 1.05x of the loop: {} ({:.2}x)",
            mark(c / h <= 1.05),
            c / h
        )
        .unwrap();
    }
}
