//! Marketplace sender IDs (data/marketplace_senders.toml): tells a user who
//! typed a known connector's sender ID with the wrong case, since Sage Intacct
//! compares sender IDs case-sensitively and refuses the connector's requests.

use std::sync::OnceLock;

use serde::Deserialize;

const DATA: &str = include_str!("../data/marketplace_senders.toml");

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownSender {
    /// Exactly as the company must list it.
    pub id: String,
    pub vendor: String,
    /// The vendor's guide that spells it.
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    sender: Vec<KnownSender>,
}

/// Every known marketplace sender.
pub fn known_senders() -> &'static [KnownSender] {
    static TABLE: OnceLock<Vec<KnownSender>> = OnceLock::new();
    TABLE.get_or_init(|| {
        toml::from_str::<Table>(DATA)
            .expect("data/marketplace_senders.toml is valid (unit-tested)")
            .sender
    })
}

/// What Onramp can say about a sender ID as the user typed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SenderSpelling {
    /// A known connector's ID, spelt exactly.
    Known(&'static KnownSender),
    /// A known connector's ID with different case: it will be refused.
    WrongCase(&'static KnownSender),
    /// Not in the directory (most senders are not): nothing to say.
    Unknown,
}

pub fn sender_spelling(typed: &str) -> SenderSpelling {
    let typed = typed.trim();
    let senders = known_senders();
    if let Some(s) = senders.iter().find(|s| s.id == typed) {
        return SenderSpelling::Known(s);
    }
    match senders.iter().find(|s| s.id.eq_ignore_ascii_case(typed)) {
        Some(s) => SenderSpelling::WrongCase(s),
        None => SenderSpelling::Unknown,
    }
}

impl SenderSpelling {
    /// The warning to show, if any.
    pub fn warning(&self) -> Option<String> {
        match self {
            Self::WrongCase(s) => Some(format!(
                "{}'s sender ID is spelt '{}': sender IDs are case-sensitive, so list it exactly so (a listed ID cannot be edited: delete it and add it again) with status Active.",
                s.vendor, s.id
            )),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_directory_reads_and_has_unique_ids() {
        let all = known_senders();
        assert!(all.len() >= 4);
        for s in all {
            assert!(!s.source.trim().is_empty(), "{}", s.id);
            let same = all
                .iter()
                .filter(|o| o.id.eq_ignore_ascii_case(&s.id))
                .count();
            assert_eq!(same, 1, "{} is listed twice", s.id);
        }
    }

    #[test]
    fn case_matters() {
        assert!(matches!(
            sender_spelling(" FivetranMPP "),
            SenderSpelling::Known(s) if s.vendor == "Fivetran"
        ));
        let wrong = sender_spelling("fivetranmpp");
        assert!(matches!(wrong, SenderSpelling::WrongCase(_)));
        let w = wrong.warning().unwrap();
        assert!(
            w.contains("'FivetranMPP'") && w.contains("case-sensitive"),
            "{w}"
        );
        assert_eq!(sender_spelling("acme_sync"), SenderSpelling::Unknown);
        assert!(SenderSpelling::Unknown.warning().is_none());
    }
}
