//! Parses gateway responses layer by layer: control, authentication, results.
//! Every element is optional here; which layer failed is decided by the caller.

use super::Node;

/// One `<error>` of an `<errormessage>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApiError {
    pub errorno: String,
    pub description: String,
    pub description2: String,
    pub correction: String,
}

impl ApiError {
    /// All the human-readable text, for pattern matching and display.
    pub fn text(&self) -> String {
        [&self.description, &self.description2, &self.correction]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.errorno.is_empty(), self.text()) {
            (true, t) => f.write_str(&t),
            (false, t) if t.is_empty() => f.write_str(&self.errorno),
            (false, t) => write!(f, "{}: {t}", self.errorno),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ControlBlock {
    /// `success` or `failure`; empty when the gateway left it out.
    pub status: String,
    pub sender_id: String,
    pub control_id: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuthBlock {
    pub status: String,
    pub user_id: String,
    pub company_id: String,
    pub location_id: String,
    pub session_timestamp: Option<String>,
    pub session_timeout: Option<String>,
}

/// A result's `<data>` with its paging attributes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Data {
    pub list_type: Option<String>,
    pub total_count: Option<u64>,
    pub count: Option<u64>,
    pub num_remaining: Option<u64>,
    pub result_id: Option<String>,
    pub node: Node,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FnResult {
    /// `success`, `failure` or `aborted`.
    pub status: String,
    pub function: String,
    pub control_id: String,
    pub data: Option<Data>,
    pub errors: Vec<ApiError>,
}

impl FnResult {
    pub fn is_success(&self) -> bool {
        self.status == "success"
    }

    /// The function's errors on one line, as checks quote them.
    pub fn error_text(&self) -> String {
        self.errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Response {
    pub control: ControlBlock,
    /// Top-level `<errormessage>` (control or gateway failures).
    pub control_errors: Vec<ApiError>,
    pub authentication: Option<AuthBlock>,
    /// `<errormessage>` inside `<operation>` (authentication failures).
    pub auth_errors: Vec<ApiError>,
    pub results: Vec<FnResult>,
}

pub fn parse(bytes: &[u8]) -> Result<Response, String> {
    let root = Node::parse(bytes)?;
    if root.name != "response" {
        return Err(format!("expected <response>, found <{}>", root.name));
    }
    let control = root
        .child("control")
        .map(|c| ControlBlock {
            status: text(c, "status"),
            sender_id: text(c, "senderid"),
            control_id: text(c, "controlid"),
        })
        .unwrap_or_default();
    let mut out = Response {
        control,
        control_errors: errors_in(root.child("errormessage")),
        ..Response::default()
    };
    if let Some(op) = root.child("operation") {
        out.authentication = op.child("authentication").map(|a| AuthBlock {
            status: text(a, "status"),
            user_id: text(a, "userid"),
            company_id: text(a, "companyid"),
            location_id: text(a, "locationid"),
            session_timestamp: a.child_text("sessiontimestamp").filter(|s| !s.is_empty()),
            session_timeout: a.child_text("sessiontimeout").filter(|s| !s.is_empty()),
        });
        out.auth_errors = errors_in(op.child("errormessage"));
        out.results = op.children_named("result").map(parse_result).collect();
    }
    Ok(out)
}

fn parse_result(r: &Node) -> FnResult {
    FnResult {
        status: text(r, "status"),
        function: text(r, "function"),
        control_id: text(r, "controlid"),
        data: r.child("data").map(|d| Data {
            list_type: d.attr("listtype").map(str::to_string),
            total_count: num(d, "totalcount"),
            count: num(d, "count"),
            num_remaining: num(d, "numremaining"),
            result_id: d
                .attr("resultId")
                .filter(|s| !s.is_empty())
                .map(str::to_string),
            node: d.clone(),
        }),
        errors: errors_in(r.child("errormessage")),
    }
}

fn num(n: &Node, attr: &str) -> Option<u64> {
    n.attr(attr).and_then(|v| v.trim().parse().ok())
}

fn text(n: &Node, name: &str) -> String {
    n.child_text(name).unwrap_or_default()
}

/// `errormessage` holds one or many `error` elements.
fn errors_in(em: Option<&Node>) -> Vec<ApiError> {
    em.map(|em| {
        em.children_named("error")
            .map(|e| ApiError {
                errorno: text(e, "errorno"),
                description: text(e, "description"),
                description2: text(e, "description2"),
                correction: text(e, "correction"),
            })
            .collect()
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The SDK's success fixture, as quoted in the team's Intacct notes.
    const SUCCESS: &str = r#"<response>
 <control><status>success</status><senderid>testsenderid</senderid><controlid>ControlIdHere</controlid>
  <uniqueid>false</uniqueid><dtdversion>3.0</dtdversion></control>
 <operation>
  <authentication><status>success</status><userid>fakeuser</userid><companyid>fakecompany</companyid>
   <locationid></locationid><sessiontimestamp>2015-10-22T20:58:27-07:00</sessiontimestamp>
   <sessiontimeout>2015-10-23T20:58:27-07:00</sessiontimeout></authentication>
  <result><status>success</status><function>getAPISession</function><controlid>testControlId</controlid>
   <data><api><sessionid>fAkESesSiOnId..</sessionid>
     <endpoint>https://api.intacct.com/ia/xml/xmlgw.phtml</endpoint><locationid></locationid></api></data>
  </result>
 </operation>
</response>"#;

    /// The SDK's authentication-failure fixture (control part as in the SDK test).
    const AUTH_FAILURE: &str = r#"<response><control><status>success</status><senderid>testsenderid</senderid><controlid>ControlIdHere</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion></control>
 <operation><authentication><status>failure</status><userid>fakeuser</userid><companyid>fakecompany</companyid>
   <locationid></locationid></authentication>
  <errormessage><error><errorno>XL03000006</errorno><description></description>
   <description2>Sign-in information is incorrect</description2><correction></correction></error></errormessage>
 </operation></response>"#;

    #[test]
    fn success_fixture_parses_every_layer() {
        let r = parse(SUCCESS.as_bytes()).unwrap();
        assert_eq!(r.control.status, "success");
        assert_eq!(r.control.sender_id, "testsenderid");
        let a = r.authentication.unwrap();
        assert_eq!(
            (a.status.as_str(), a.user_id.as_str(), a.company_id.as_str()),
            ("success", "fakeuser", "fakecompany")
        );
        assert_eq!(
            a.session_timeout.as_deref(),
            Some("2015-10-23T20:58:27-07:00")
        );
        assert_eq!(r.results.len(), 1);
        let res = &r.results[0];
        assert!(res.is_success());
        assert_eq!(res.function, "getAPISession");
        let api = res.data.as_ref().unwrap().node.child("api").unwrap();
        assert_eq!(
            api.child_text("sessionid").as_deref(),
            Some("fAkESesSiOnId..")
        );
        assert_eq!(
            api.child_text("endpoint").as_deref(),
            Some("https://api.intacct.com/ia/xml/xmlgw.phtml")
        );
    }

    #[test]
    fn auth_failure_fixture_has_errors_inside_operation() {
        let r = parse(AUTH_FAILURE.as_bytes()).unwrap();
        assert_eq!(r.control.status, "success");
        assert_eq!(r.authentication.as_ref().unwrap().status, "failure");
        assert!(r.control_errors.is_empty());
        assert_eq!(r.auth_errors.len(), 1);
        assert_eq!(r.auth_errors[0].errorno, "XL03000006");
        assert_eq!(
            r.auth_errors[0].description2,
            "Sign-in information is incorrect"
        );
        assert!(r.results.is_empty());
    }

    #[test]
    fn query_data_attributes_and_many_errors() {
        let xml = r#"<response><control><status>success</status></control><operation>
          <authentication><status>success</status></authentication>
          <result><status>success</status><function>query</function><controlid>q</controlid>
            <data listtype="APBILL" totalcount="2" offset="0" count="2" numremaining="0"></data></result>
          <result><status>success</status><function>readByQuery</function><controlid>r</controlid>
            <data listtype="department" count="0" totalcount="0" numremaining="0" resultId=""/></result>
          <result><status>aborted</status><function>query</function><controlid>x</controlid>
            <errormessage><error><errorno>Query Failed</errorno><description></description><description2>Object definition BADOBJECT not found</description2><correction></correction></error>
            <error><errorno>XL03000009</errorno><description2>The entire transaction in this operation has been rolled back due to an error.</description2></error></errormessage></result>
          </operation></response>"#;
        let r = parse(xml.as_bytes()).unwrap();
        let d = r.results[0].data.as_ref().unwrap();
        assert_eq!(
            (
                d.list_type.as_deref(),
                d.total_count,
                d.count,
                d.num_remaining
            ),
            (Some("APBILL"), Some(2), Some(2), Some(0))
        );
        assert_eq!(r.results[1].data.as_ref().unwrap().result_id, None);
        assert_eq!(r.results[2].status, "aborted");
        assert_eq!(r.results[2].errors.len(), 2);
        assert_eq!(
            r.results[2].errors[0].to_string(),
            "Query Failed: Object definition BADOBJECT not found"
        );
    }

    #[test]
    fn gateway_error_with_status_only_and_expired_demo_control() {
        let r = parse(b"<response><control><status>failure</status></control><errormessage><error><errorno>GW-0011</errorno><description>Invalid Request [Request ID: abc]</description></error></errormessage></response>").unwrap();
        assert_eq!(r.control.status, "failure");
        assert_eq!(r.control_errors[0].errorno, "GW-0011");
        assert!(r.authentication.is_none());
        let demo = parse(b"<response><control><status>failure</status><senderid></senderid><controlid></controlid></control><errormessage><error><errorno>PL04000055</errorno><description>This company is a demo company and has expired.</description></error></errormessage></response>").unwrap();
        assert_eq!(demo.control_errors[0].errorno, "PL04000055");
    }

    #[test]
    fn wrong_root_and_garbage_are_errors() {
        assert!(parse(b"<request/>").is_err());
        assert!(parse(b"<response><control>").is_err());
        assert!(parse(b"not xml at all").is_err());
    }
}
