//! The data table (`data/patterns.toml`) that turns a failure into cause → fix
//! → where by its layer and text, since Intacct reuses XL03000006 for many causes.

use std::sync::OnceLock;

use onramp_core::Diagnosis;
use serde::Deserialize;

use crate::errors::{IntacctError, Layer};
use crate::xml::response::ApiError;

const BUILTIN: &str = include_str!("../data/patterns.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LayerMatch {
    Any,
    Http,
    Control,
    Authentication,
    Function,
}

impl LayerMatch {
    fn accepts(self, layer: Layer) -> bool {
        matches!(
            (self, layer),
            (LayerMatch::Any, _)
                | (LayerMatch::Http, Layer::Http)
                | (LayerMatch::Control, Layer::Control)
                | (LayerMatch::Authentication, Layer::Authentication)
                | (LayerMatch::Function, Layer::Function)
        )
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pattern {
    pub id: String,
    /// The check whose diagnosis this is, e.g. `intacct.sender`.
    pub check: String,
    pub layer: LayerMatch,
    #[serde(default)]
    pub http_status: Option<u16>,
    #[serde(default)]
    pub errorno: Option<String>,
    /// Any of these fragments, case-insensitive; empty = no text condition.
    pub text: Vec<String>,
    pub cause: String,
    pub fix: String,
    #[serde(rename = "where")]
    pub where_: String,
}

impl Pattern {
    pub fn diagnosis(&self) -> Diagnosis {
        Diagnosis::new(&self.cause, &self.fix, &self.where_)
    }

    fn matches(&self, layer: Layer, http_status: u16, errors: &[ApiError]) -> bool {
        if !self.layer.accepts(layer) || self.http_status.is_some_and(|s| s != http_status) {
            return false;
        }
        if let Some(no) = &self.errorno {
            if !errors.iter().any(|e| e.errorno.eq_ignore_ascii_case(no)) {
                return false;
            }
        }
        if self.text.is_empty() {
            return true;
        }
        errors.iter().any(|e| {
            let hay = e.text().to_lowercase();
            self.text.iter().any(|t| hay.contains(&t.to_lowercase()))
        })
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patterns {
    pattern: Vec<Pattern>,
}

impl Patterns {
    pub fn from_toml_str(s: &str) -> Result<Self, toml::de::Error> {
        toml::from_str(s)
    }

    /// The table shipped with the app.
    pub fn builtin() -> &'static Patterns {
        static TABLE: OnceLock<Patterns> = OnceLock::new();
        TABLE.get_or_init(|| {
            Patterns::from_toml_str(BUILTIN).expect("data/patterns.toml is valid (unit-tested)")
        })
    }

    /// `first`'s entries ahead of this table's, e.g. texts a customer's company really returns.
    pub fn preceded_by(self, first: Patterns) -> Patterns {
        let mut pattern = first.pattern;
        pattern.extend(self.pattern);
        Patterns { pattern }
    }

    pub fn find(&self, layer: Layer, http_status: u16, errors: &[ApiError]) -> Option<&Pattern> {
        self.pattern
            .iter()
            .find(|p| p.matches(layer, http_status, errors))
    }

    /// The entry explaining `e`, when `e` came from a known layer.
    pub fn for_error(&self, e: &IntacctError) -> Option<&Pattern> {
        let (layer, status, errors) = e.layer_errors()?;
        self.find(layer, status, errors)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Pattern> {
        self.pattern.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(no: &str, d: &str, d2: &str, c: &str) -> ApiError {
        ApiError {
            errorno: no.into(),
            description: d.into(),
            description2: d2.into(),
            correction: c.into(),
        }
    }

    fn id(layer: Layer, status: u16, e: ApiError) -> Option<String> {
        Patterns::builtin()
            .find(layer, status, &[e])
            .map(|p| p.id.clone())
    }

    #[test]
    fn builtin_table_is_complete() {
        let known = [
            "intacct.sender",
            "intacct.login",
            "intacct.company",
            "intacct.entity",
            "intacct.objects",
            "intacct.rate",
        ];
        for p in Patterns::builtin().iter() {
            assert!(
                known.contains(&p.check.as_str()),
                "{} names unknown check {}",
                p.id,
                p.check
            );
            assert!(
                !p.cause.is_empty() && !p.fix.is_empty() && !p.where_.is_empty(),
                "{} lacks text",
                p.id
            );
            assert!(
                p.errorno.is_some() || !p.text.is_empty() || p.layer == LayerMatch::Http,
                "{} matches everything",
                p.id
            );
        }
    }

    #[test]
    fn xl03000006_is_told_apart_by_layer_and_text() {
        // Texts from the error catalogue in the team's Intacct notes.
        let sender = err(
            "XL03000006",
            "",
            "Incorrect Intacct XML Partner ID or password. [Support ID: x]",
            "",
        );
        assert_eq!(
            id(Layer::Control, 200, sender).as_deref(),
            Some("sender-credentials")
        );
        let unauthorised = err(
            "XL03000006",
            "Invalid Web Services Authorization",
            "The sender ID 'x' is not authorized to make Web Services requests to company ID 'y'.",
            "Contact the company administrator to grant Web Services authorization to this sender ID.",
        );
        assert_eq!(
            id(Layer::Authentication, 200, unauthorised).as_deref(),
            Some("sender-not-authorized")
        );
        let login = err("XL03000006", "", "Sign-in information is incorrect", "");
        assert_eq!(
            id(Layer::Authentication, 200, login.clone()).as_deref(),
            Some("login-incorrect")
        );
        // The same text at the control layer is not a sender problem.
        assert_eq!(id(Layer::Control, 200, login), None);
        // Vendors quote only the phrase; its errorno and field are not published.
        let two_step = err("", "User authentication failure", "", "");
        assert_eq!(
            id(Layer::Authentication, 200, two_step).as_deref(),
            Some("two-step-verification")
        );
        let session = err("XL03000006", "", "Invalid session", "");
        assert_eq!(
            id(Layer::Authentication, 200, session).as_deref(),
            Some("session-invalid")
        );
        let subscribe = err("", "This company is not authorized for XML transactions. Please subscribe to the XML Gateway.", "", "");
        assert_eq!(
            id(Layer::Authentication, 200, subscribe).as_deref(),
            Some("not-subscribed")
        );
    }

    #[test]
    fn gateway_statuses_and_function_errors() {
        let jpp = err(
            "XMLGW_JPP0002",
            "Sign-in information is incorrect. Please check your request.",
            "",
            "",
        );
        assert_eq!(
            id(Layer::Control, 401, jpp).as_deref(),
            Some("login-incorrect-gateway")
        );
        let gw = err("GW-0011", "Invalid Request [Request ID: 123]", "", "");
        assert_eq!(id(Layer::Control, 400, gw).as_deref(), Some("bad-company"));
        let perm = err("PL04000005", "", "You do not have permission for API operation READ_BY_QUERY on objects of type arinvoice [Support ID: x]", "");
        assert_eq!(
            id(Layer::Function, 200, perm).as_deref(),
            Some("object-permission")
        );
        // Not permission problems, though the same layer (public connector harnesses).
        let module = err("", "", "Account allocation module is not subscribed", "");
        assert_eq!(
            id(Layer::Function, 200, module).as_deref(),
            Some("module-not-subscribed")
        );
        let unsupported = err(
            "PL04000005",
            "",
            "API operation 'READ_BY_QUERY' cannot be performed on objects of type allocation",
            "",
        );
        let found = Patterns::builtin()
            .find(Layer::Function, 200, &[unsupported])
            .unwrap();
        assert_eq!(found.id, "operation-not-supported");
        assert!(found.fix.contains("will not help"));
        let demo = err(
            "PL04000055",
            "This company is a demo company and has expired.",
            "",
            "",
        );
        assert_eq!(
            id(Layer::Control, 200, demo).as_deref(),
            Some("demo-expired")
        );
        assert_eq!(
            id(Layer::Http, 429, err("GW-0010", "", "", "")).as_deref(),
            Some("rate-limited")
        );
        assert_eq!(
            Patterns::builtin()
                .find(Layer::Http, 524, &[])
                .map(|p| p.id.as_str()),
            Some("server-error")
        );
    }

    #[test]
    fn unknown_fields_are_rejected() {
        assert!(Patterns::from_toml_str("[[pattern]]\nid='x'\ncheck='c'\nlayer='any'\ntext=[]\ncause='a'\nfix='b'\nwhere='c'\nwhat='?'").is_err());
    }
}
