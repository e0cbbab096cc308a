//! JSON Pointers (RFC 6901), built lazily: a [`Loc`] is a list linked through the
//! stack, and becomes a string only when a diagnostic is actually emitted, so the
//! valid path allocates nothing for paths.

use std::fmt::Write;

/// A place in the input record.
#[derive(Clone, Copy, Debug)]
pub struct Loc<'a> {
    parent: Option<&'a Loc<'a>>,
    segment: Segment<'a>,
}

#[derive(Clone, Copy, Debug)]
enum Segment<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> Loc<'a> {
    /// The record as a whole (pointer `""`).
    pub const ROOT: Loc<'static> = Loc { parent: None, segment: Segment::Root };

    /// The member `key` of this object.
    #[must_use]
    pub fn key(&'a self, key: &'a str) -> Loc<'a> {
        Loc { parent: Some(self), segment: Segment::Key(key) }
    }

    /// The item `index` of this array.
    #[must_use]
    pub fn index(&'a self, index: usize) -> Loc<'a> {
        Loc { parent: Some(self), segment: Segment::Index(index) }
    }

    /// The JSON Pointer text, with `~` and `/` escaped as RFC 6901 says.
    #[must_use]
    pub fn pointer(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        if let Some(parent) = self.parent {
            parent.write(out);
        }
        match self.segment {
            Segment::Root => {}
            Segment::Key(key) => {
                out.push('/');
                for c in key.chars() {
                    match c {
                        '~' => out.push_str("~0"),
                        '/' => out.push_str("~1"),
                        c => out.push(c),
                    }
                }
            }
            Segment::Index(i) => {
                let _ = write!(out, "/{i}");
            }
        }
    }
}

/// Splits a JSON Pointer into its unescaped tokens; `None` if it is not a pointer.
#[must_use]
pub fn tokens(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    rest.split('/')
        .map(|t| {
            let mut out = String::with_capacity(t.len());
            let mut chars = t.chars();
            while let Some(c) = chars.next() {
                if c == '~' {
                    match chars.next() {
                        Some('0') => out.push('~'),
                        Some('1') => out.push('/'),
                        _ => return None,
                    }
                } else {
                    out.push(c);
                }
            }
            Some(out)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_nests() {
        let root = Loc::ROOT;
        let a = root.key("a/b~c");
        let b = a.index(3);
        assert_eq!(b.pointer(), "/a~1b~0c/3");
        assert_eq!(Loc::ROOT.pointer(), "");
        assert_eq!(tokens("/a~1b~0c/3").unwrap(), vec!["a/b~c", "3"]);
        assert_eq!(tokens("x"), None);
        assert_eq!(tokens("/a~2"), None);
    }
}
