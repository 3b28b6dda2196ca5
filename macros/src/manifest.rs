//! The name a user's crate gives the runtime in its `Cargo.toml`, when it renames it
//! (`yk = { package = "yieldkit" }`).
//!
//! A reader of the few shapes a renamed dependency takes, not a TOML parser: a TOML
//! library would double the time a clean build of a user's crate takes, and parsing
//! the manifest at every attribute made the expansions three times slower. It reads
//! the manifest once per compilation (the result is kept), and finds:
//! - `key = { .., package = "yieldkit", .. }` and `key.package = "yieldkit"` in any
//!   `[..dependencies]` table (target-specific ones included);
//! - `package = "yieldkit"` under a `[..dependencies.key]` header;
//! - a rename in the workspace's `[workspace.dependencies]` that the crate inherits
//!   (`key = { workspace = true }` or `key.workspace = true`).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The runtime's name, as the crate at `CARGO_MANIFEST_DIR` depends on it, if renamed
/// (hyphens as underscores, the way paths spell it).
pub(crate) fn renamed_dependency(package: &str) -> Option<String> {
    static FOUND: Mutex<Option<(PathBuf, Option<String>)>> = Mutex::new(None);
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR")?);
    let mut found = FOUND
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((cached, name)) = found.as_ref() {
        if *cached == dir {
            return name.clone();
        }
    }
    let name = look_up(&dir, package);
    *found = Some((dir, name.clone()));
    name
}

fn look_up(dir: &Path, package: &str) -> Option<String> {
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).ok()?;
    if let Some(key) = renamed_in(&manifest, package, false) {
        return Some(key.replace('-', "_"));
    }
    // A rename the crate inherits from its workspace.
    let root = dir.ancestors().skip(1).find_map(|ancestor| {
        let text = std::fs::read_to_string(ancestor.join("Cargo.toml")).ok()?;
        text.lines()
            .any(|line| line.trim() == "[workspace]")
            .then_some(text)
    })?;
    let key = renamed_in(&root, package, true)?;
    inherits(&manifest, &key).then(|| key.replace('-', "_"))
}

/// The key under which `manifest` renames `package`, in its dependency tables (or, for
/// a workspace root, in `[workspace.dependencies]`).
fn renamed_in(manifest: &str, package: &str, workspace: bool) -> Option<String> {
    let quoted = format!("\"{package}\"");
    for Entry { header, key, value } in entries(manifest) {
        let in_dependencies = if workspace {
            header == "workspace.dependencies"
        } else {
            header.ends_with("dependencies") && !header.starts_with("workspace")
        };
        if in_dependencies {
            if let Some(key) = key.strip_suffix(".package") {
                if value == quoted {
                    return Some(unquoted(key).to_owned());
                }
            } else if value.starts_with('{') && names_package(value, &quoted) {
                return Some(key.to_owned());
            }
        }
        // `[dependencies.key]`, then `package = "yieldkit"`.
        if key == "package" && value == quoted {
            let table = if workspace {
                header.strip_prefix("workspace.dependencies.")
            } else {
                header
                    .rsplit_once("dependencies.")
                    .filter(|(before, _)| !before.starts_with("workspace"))
                    .map(|(_, key)| key)
            };
            if let Some(key) = table {
                return Some(unquoted(key).to_owned());
            }
        }
    }
    None
}

/// Whether an inline table names the package: `package = "yieldkit"` inside `{ .. }`.
fn names_package(table: &str, quoted: &str) -> bool {
    table
        .trim_matches(|c| c == '{' || c == '}')
        .split(',')
        .filter_map(|entry| entry.split_once('='))
        .any(|(key, value)| key.trim() == "package" && value.trim() == quoted)
}

/// Whether `manifest` declares the dependency `key` as inherited from the workspace.
fn inherits(manifest: &str, key: &str) -> bool {
    let table = format!("dependencies.{key}");
    let dotted = format!("{key}.workspace");
    entries(manifest).any(|entry| {
        entry.header.ends_with(&table)
            || (entry.header.ends_with("dependencies") && (entry.key == key || entry.key == dotted))
    })
}

/// A `key = value` line of a manifest, with the header of the table it is in.
struct Entry<'a> {
    header: &'a str,
    /// Unquoted.
    key: &'a str,
    value: &'a str,
}

/// The manifest's `key = value` lines, comments dropped.
fn entries(manifest: &str) -> impl Iterator<Item = Entry<'_>> {
    let mut header = "";
    manifest.lines().filter_map(move |line| {
        let line = uncommented(line);
        if let Some(name) = line.strip_prefix('[') {
            header = name.trim_end_matches(']').trim();
            return None;
        }
        let (key, value) = line.split_once('=')?;
        Some(Entry {
            header,
            key: unquoted(key.trim()),
            value: value.trim(),
        })
    })
}

/// The line without a `#` comment (a dependency line has no `#` inside a string).
fn uncommented(line: &str) -> &str {
    line.split_once('#').map_or(line, |(code, _)| code).trim()
}

fn unquoted(key: &str) -> &str {
    key.trim_matches('"').trim_matches('\'')
}

#[cfg(test)]
mod tests {
    use super::{inherits, renamed_in};

    fn renamed(manifest: &str) -> Option<String> {
        renamed_in(manifest, "yieldkit", false)
    }

    #[test]
    fn inline_tables_dotted_keys_and_dependency_headers() {
        assert_eq!(
            renamed("[dependencies]\nyk = { package = \"yieldkit\", path = \"x\" }\n"),
            Some("yk".into())
        );
        assert_eq!(
            renamed("[dev-dependencies]\nyk = {version=\"1\",package=\"yieldkit\"} # test\n"),
            Some("yk".into())
        );
        assert_eq!(
            renamed("[target.'cfg(unix)'.dependencies]\n\"my-yk\" = { package = \"yieldkit\" }\n"),
            Some("my-yk".into())
        );
        assert_eq!(
            renamed("[dependencies]\nyk.package = \"yieldkit\"\nyk.version = \"1\"\n"),
            Some("yk".into())
        );
        assert_eq!(
            renamed("[dependencies.yk]\nversion = \"1\"\npackage = \"yieldkit\"\n"),
            Some("yk".into())
        );
        assert_eq!(
            renamed("[build-dependencies.yk]\npackage = \"yieldkit\"\n"),
            Some("yk".into())
        );
    }

    #[test]
    fn not_renamed_or_not_a_dependency() {
        assert_eq!(renamed("[dependencies]\nyieldkit = \"1\"\n"), None);
        assert_eq!(
            renamed("[dependencies]\nyieldkit = { version = \"1\" }\n"),
            None
        );
        // The package's own name, and another package's rename.
        assert_eq!(renamed("[package]\nname = \"yieldkit\"\n"), None);
        assert_eq!(
            renamed("[dependencies]\nyk = { package = \"yieldkit-macros\" }\n"),
            None
        );
        assert_eq!(
            renamed("[features]\nyk = { package = \"yieldkit\" }\n"),
            None
        );
        // A commented-out rename.
        assert_eq!(
            renamed("[dependencies]\n# yk = { package = \"yieldkit\" }\nyieldkit = \"1\"\n"),
            None
        );
    }

    #[test]
    fn renames_inherited_from_the_workspace() {
        let root = "[workspace]\nmembers = [\"a\"]\n\n[workspace.dependencies]\nyk = { package = \"yieldkit\", path = \"rt\" }\n";
        assert_eq!(renamed_in(root, "yieldkit", true), Some("yk".into()));
        // A member's own tables are not the workspace's.
        assert_eq!(renamed(root), None);
        assert!(inherits(
            "[dependencies]\nyk = { workspace = true }\n",
            "yk"
        ));
        assert!(inherits("[dependencies]\nyk.workspace = true\n", "yk"));
        assert!(inherits("[dependencies.yk]\nworkspace = true\n", "yk"));
        assert!(!inherits(
            "[dependencies]\nother = { workspace = true }\n",
            "yk"
        ));
    }
}
