//! A push tokenizer: text arrives in chunks, as it would from a socket or a file read
//! in blocks, and a coroutine turns it into tokens as soon as they are complete.
//!
//! The coroutine is resumed with each chunk (`Some(text)`), yields the tokens that
//! chunk completed, and keeps a token cut in half by a chunk boundary (`fo` + `o`)
//! until the rest arrives. Sending `None` ends the input: the coroutine returns the
//! last tokens, or the first lexing error.
//!
//! Run it with `cargo run --example tokenizer`.

use std::pin::pin;

use yieldkit::{Coroutine, CoroutineState};

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(f64),
    Ident(String),
    Op(char),
}

/// Lexes the complete tokens at the start of `text`; returns them and the number of
/// bytes they used. A number or name touching the end of `text` is complete only if
/// `at_end` (otherwise more of it may come in the next chunk).
fn lex(text: &str, at_end: bool) -> Result<(Vec<Token>, usize), String> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut used = 0;
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            used = start + c.len_utf8();
        } else if "+-*/()=".contains(c) {
            chars.next();
            tokens.push(Token::Op(c));
            used = start + 1;
        } else if c.is_ascii_digit() || c.is_alphabetic() || c == '_' || c == '.' {
            let numeric = c.is_ascii_digit() || c == '.';
            let mut end = start;
            while let Some(&(i, d)) = chars.peek() {
                let continues = if numeric {
                    d.is_ascii_digit() || d == '.'
                } else {
                    d.is_alphanumeric() || d == '_'
                };
                if !continues {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
            if end == text.len() && !at_end {
                break; // may continue in the next chunk
            }
            let word = &text[start..end];
            tokens.push(if numeric {
                Token::Number(word.parse().map_err(|_| format!("bad number `{word}`"))?)
            } else {
                Token::Ident(word.to_owned())
            });
            used = end;
        } else {
            return Err(format!(
                "unexpected `{c}` at byte {start} of the pending text"
            ));
        }
    }
    Ok((tokens, used))
}

/// Sent: the next chunk, or `None` at the end of the input. Yields: the tokens each
/// chunk completed. Returns: the last tokens, or the first error.
#[yieldkit::coroutine(first = first)]
fn tokenizer()
-> impl Coroutine<Option<String>, Yield = Vec<Token>, Return = Result<Vec<Token>, String>> {
    // Text received but not yet turned into tokens; borrowed by `lex` each round.
    let mut pending = String::new();
    let mut chunk = first;
    while let Some(text) = chunk {
        pending.push_str(&text);
        let (tokens, used) = lex(&pending, false)?;
        pending.drain(..used);
        chunk = yield_!(tokens);
    }
    let (tokens, _) = lex(&pending, true)?;
    Ok(tokens)
}

/// Feeds `chunks` to a fresh tokenizer and collects every token.
fn tokenize(chunks: &[&str]) -> Result<Vec<Token>, String> {
    let mut lexer = pin!(tokenizer());
    let mut all = Vec::new();
    for chunk in chunks {
        match lexer.as_mut().resume(Some((*chunk).to_owned())) {
            CoroutineState::Yielded(tokens) => {
                println!("  {chunk:?} -> {tokens:?}");
                all.extend(tokens);
            }
            CoroutineState::Complete(result) => return result.map(|_| all),
        }
    }
    match lexer.as_mut().resume(None) {
        CoroutineState::Complete(last) => {
            let last = last?;
            println!("  end -> {last:?}");
            all.extend(last);
            Ok(all)
        }
        CoroutineState::Yielded(_) => unreachable!("the tokenizer returns once the input ends"),
    }
}

fn main() {
    println!("tokens split across chunks:");
    let tokens = tokenize(&["total = 12", "0.5 * fo", "o + x", "1"]).expect("valid input");
    assert_eq!(
        tokens,
        [
            Token::Ident("total".into()),
            Token::Op('='),
            Token::Number(120.5),
            Token::Op('*'),
            Token::Ident("foo".into()),
            Token::Op('+'),
            Token::Ident("x1".into()),
        ]
    );

    println!("an error ends the coroutine with `Complete(Err(..))`:");
    let err = tokenize(&["a + ", "b $ c"]).unwrap_err();
    println!("  error: {err}");
    assert!(err.contains('$'));
}
