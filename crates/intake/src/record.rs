//! A record read once from its JSON text, for callers that look at it besides
//! validating it: the command line checks every cell for spreadsheet damage and
//! reads an id column from the same reading that the profile validates.

use std::borrow::Cow;

use crate::limits::Measured;
use crate::node::{Node, Object};
use crate::{read_node, Fault, Limits, Options, Outcome, Payload, Provider, Valid};

/// A record read from JSON text: strings borrowed from the text where they have
/// no escapes, members in input order. [`validate_json`](crate::validate_json)
/// reads one and validates it; this type lets a caller keep the reading.
///
/// # Example
/// ```
/// use intake::{Options, Provider, Record};
/// let text = br#"{"ref": "c-1", "addresses": ["+14155552671"], "crm_id": 42}"#;
/// let record = Record::parse(text, &intake::Limits::default()).unwrap();
/// assert_eq!(record.member_text("crm_id").as_deref(), Some("42"));
/// let mut strings = Vec::new();
/// record.visit_strings(&mut |path, s| strings.push((path.len(), s.to_owned())));
/// assert_eq!(strings, [(1, "c-1".to_owned()), (2, "+14155552671".to_owned())]);
/// assert!(record.validate(Provider::Authvia, &Options::default()).valid);
/// ```
#[derive(Clone, Debug)]
pub struct Record<'a> {
    node: Node<'a>,
    /// The limits reading it showed it within, if it did.
    within: Option<Limits>,
}

/// One step of the path to a value in a [`Record`]: a member name or an array index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathSegment<'a> {
    /// The member of an object.
    Key(&'a str),
    /// The item of an array.
    Index(usize),
}

impl<'a> Record<'a> {
    /// Reads JSON text, within the size limit.
    ///
    /// # Errors
    /// `limit.size` or `record.malformed`, as [`validate_json`](crate::validate_json)
    /// reports them (the message says where, never what).
    pub fn parse(bytes: &'a [u8], limits: &Limits) -> Result<Record<'a>, Fault> {
        read_node(bytes, limits)
            .map(|(node, measured)| Record { node, within: (measured == Measured::Within).then_some(*limits) })
    }

    /// Validates the record against a provider's profile: the same outcome as
    /// [`validate_json`](crate::validate_json) on its text.
    #[must_use]
    pub fn validate(&self, provider: Provider, options: &Options) -> Outcome<Valid<Payload<'a>>> {
        // Read within some limits, not necessarily those of `options` (the
        // largest size aside, which the reading has checked already).
        let within = self.within.is_some_and(|l| l.with_max_bytes(options.limits.max_bytes) == options.limits);
        let measured = if within { Measured::Within } else { Measured::Unknown };
        (provider.profile().check)(&self.node, measured, options)
    }

    /// The text of the top-level member `key` when it is a string or a number
    /// (an id column, say); `None` otherwise.
    #[must_use]
    pub fn member_text(&self, key: &str) -> Option<Cow<'_, str>> {
        match self.node.as_object()?.get(key)? {
            Node::String(s) => Some(Cow::Borrowed(s.as_ref())),
            Node::Number(n) => Some(Cow::Owned(n.to_string())),
            _ => None,
        }
    }

    /// Calls `f` with every string of the record, in input order, and the path
    /// to it (member names and array indices from the record's root).
    pub fn visit_strings(&self, f: &mut impl FnMut(&[PathSegment<'_>], &str)) {
        let mut path = Vec::new();
        visit(&self.node, &mut path, f);
    }
}

fn visit<'n>(node: &'n Node<'_>, path: &mut Vec<PathSegment<'n>>, f: &mut impl FnMut(&[PathSegment<'_>], &str)) {
    match node {
        Node::String(s) => f(path, s),
        Node::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(PathSegment::Index(i));
                visit(item, path, f);
                path.pop();
            }
        }
        Node::Object(object) => visit_members(object, path, f),
        _ => {}
    }
}

fn visit_members<'n>(
    object: &'n Object<'_>,
    path: &mut Vec<PathSegment<'n>>,
    f: &mut impl FnMut(&[PathSegment<'_>], &str),
) {
    for (key, value) in object.iter() {
        path.push(PathSegment::Key(key));
        visit(value, path, f);
        path.pop();
    }
}
