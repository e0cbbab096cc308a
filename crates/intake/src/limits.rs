//! Bounds on what one record may hold, so that time and memory stay bounded
//! whatever the input. Each limit broken is a coded error at the place it broke.

use crate::node::Node;
use crate::{Code, Fault, Loc, Report};
use serde::{Deserialize, Serialize};

/// What reading a record showed of its limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Measured {
    /// The record is within the limits: its tree needs no walk.
    Within,
    /// Not known: the tree is walked.
    Unknown,
}

/// Configurable limits; [`Limits::default`] gives the documented defaults, the
/// `with_` methods change one (more limits may come: the fields are read-only
/// from outside). Reads from JSON as `{"maxBytes", "maxDepth", "maxItems", "maxString"}`.
///
/// # Example
/// ```
/// let limits = intake::Limits::default().with_max_depth(4);
/// assert_eq!((limits.max_depth, limits.max_bytes), (4, 1 << 20));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Limits {
    /// Largest record, in bytes of JSON (default 1 MiB).
    pub max_bytes: usize,
    /// Deepest nesting of arrays and objects (default 16).
    pub max_depth: usize,
    /// Most items in one array, or members in one object (default 1,000).
    pub max_items: usize,
    /// Longest string, in bytes (default 10,000).
    pub max_string: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: 1 << 20, max_depth: 16, max_items: 1000, max_string: 10_000 }
    }
}

impl Limits {
    /// The same limits with another largest record, in bytes of JSON.
    #[must_use]
    pub const fn with_max_bytes(mut self, n: usize) -> Self {
        self.max_bytes = n;
        self
    }

    /// The same limits with another deepest nesting.
    #[must_use]
    pub const fn with_max_depth(mut self, n: usize) -> Self {
        self.max_depth = n;
        self
    }

    /// The same limits with another most items in an array or object.
    #[must_use]
    pub const fn with_max_items(mut self, n: usize) -> Self {
        self.max_items = n;
        self
    }

    /// The same limits with another longest string, in bytes.
    #[must_use]
    pub const fn with_max_string(mut self, n: usize) -> Self {
        self.max_string = n;
        self
    }

    /// Whether a record of `len` bytes of JSON, whose arrays and objects nest
    /// `deepest` levels (when the reader says), is within the limits for sure,
    /// without a walk of its tree: no string can be longer than the text, and
    /// an array or object of n items takes at least 2n bytes of it.
    pub(crate) fn measure(&self, len: usize, deepest: Option<usize>) -> Measured {
        match deepest {
            Some(deepest) if deepest <= self.max_depth && len <= self.max_string && len / 2 <= self.max_items => {
                Measured::Within
            }
            _ => Measured::Unknown,
        }
    }

    /// Reports every place `value` breaks a limit; true when none does.
    pub(crate) fn check(&self, value: &Node<'_>, measured: Measured, report: &mut Report) -> bool {
        // Nearly every record is within the limits: the reader may have shown it
        // already; else a walk that only answers whether it is comes first, and
        // the one that places errors only after.
        if measured == Measured::Within || self.within(value, 0) {
            return true;
        }
        let before = report.errors.len();
        self.walk(value, &Loc::ROOT, 0, report);
        report.errors.len() == before
    }

    /// Whether `walk` would report nothing.
    pub(crate) fn within(&self, value: &Node<'_>, depth: usize) -> bool {
        match value {
            Node::String(s) => s.len() <= self.max_string,
            Node::Array(items) => {
                depth < self.max_depth
                    && items.len() <= self.max_items
                    && items.iter().all(|item| self.within(item, depth + 1))
            }
            Node::Object(map) => {
                depth < self.max_depth
                    && map.len() <= self.max_items
                    && map.iter().all(|(key, item)| key.len() <= self.max_string && self.within(item, depth + 1))
            }
            Node::Null | Node::Bool(_) | Node::Number(_) => true,
        }
    }

    fn walk(&self, value: &Node<'_>, loc: &Loc<'_>, depth: usize, report: &mut Report) {
        match value {
            Node::String(s) if s.len() > self.max_string => report.error(
                loc,
                Fault::owned(Code::LimitString, format!("is longer than the limit of {} bytes", self.max_string)),
            ),
            Node::Array(_) | Node::Object(_) if depth >= self.max_depth => report.error(
                loc,
                Fault::owned(Code::LimitDepth, format!("is nested deeper than the limit of {} levels", self.max_depth)),
            ),
            Node::Array(items) => {
                if items.len() > self.max_items {
                    report.error(loc, self.too_many());
                    return;
                }
                for (i, item) in items.iter().enumerate() {
                    self.walk(item, &loc.index(i), depth + 1, report);
                }
            }
            Node::Object(map) => {
                if map.len() > self.max_items {
                    report.error(loc, self.too_many());
                    return;
                }
                for (key, item) in map.iter() {
                    if key.len() > self.max_string {
                        report.error(loc, Fault::new(Code::LimitString, "has a member name longer than the limit"));
                        return;
                    }
                    self.walk(item, &loc.key(key), depth + 1, report);
                }
            }
            _ => {}
        }
    }

    #[cold]
    fn too_many(&self) -> Fault {
        Fault::owned(Code::LimitArray, format!("has more than the limit of {} items", self.max_items))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever the limits, a record the reading measured within them is one
    /// the walk finds within them; and the usual record is measured within the defaults.
    #[test]
    fn a_measured_record_is_within_its_limits() {
        let texts = [
            r#""""#,
            r#""abcdef""#,
            "7",
            "[]",
            "[[]]",
            "[1,2,3]",
            r#"{"a":"b"}"#,
            r#"{"a":{"b":{"c":"d"}}}"#,
            r#"{"a":1,"a":2,"a":3}"#,
            r#"{"ab":"\u00e9\n","c":[1,[2,[3]]]}"#,
        ];
        let mut within = 0;
        for text in texts {
            let (node, deepest) = Node::read(text.as_bytes()).unwrap();
            for (depth, items, string) in product(0..4, 0..5, 0..12) {
                let limits = Limits::default().with_max_depth(depth).with_max_items(items).with_max_string(string);
                if limits.measure(text.len(), deepest) == Measured::Within {
                    assert!(limits.within(&node, 0), "{text} {limits:?}");
                    within += 1;
                }
            }
        }
        assert!(within > 100, "{within}");
        let record = br#"{"first_name": "Ada", "billing_address": {"line1": "1 Main St", "country": "NG"}}"#;
        let (_, deepest) = Node::read(record).unwrap();
        assert_eq!(Limits::default().measure(record.len(), deepest), Measured::Within);
    }

    fn product(
        a: std::ops::Range<usize>,
        b: std::ops::Range<usize>,
        c: std::ops::Range<usize>,
    ) -> impl Iterator<Item = (usize, usize, usize)> {
        a.flat_map(move |x| {
            let c = c.clone();
            b.clone().flat_map(move |y| c.clone().map(move |z| (x, y, z)))
        })
    }
}
