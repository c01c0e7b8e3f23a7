use super::*;

#[test]
fn every_builtin_profile_parses_validates_and_is_marked_builtin() {
    let profiles = builtin();
    let ids: Vec<_> = profiles.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "netsuite-zuora-billing",
            "netsuite-readonly-reporting",
            "intacct-accounting-sync",
            "netsuite-ai-connector-mcp",
            "netsuite-suiteanalytics-connect",
            "netsuite-restlet-connector"
        ]
    );
    for p in &profiles {
        assert!(p.builtin, "{}", p.id);
        assert_eq!(validate(p), Ok(()), "{}", p.id);
    }
    assert_eq!(profiles[0].erp, Erp::Netsuite);
    assert_eq!(profiles[2].erp, Erp::Intacct);
}

fn netsuite_toml() -> String {
    r#"
schema_version = 1
id = "netsuite-custom"
name = "Custom"
description = "x"
erp = "netsuite"
builtin = true

[netsuite]
auth_methods = ["tba"]
features = [{ id = "REST_WEB_SERVICES", name = "REST Web Services" }]

[[netsuite.permissions]]
id = "LIST_CURRENCY"
name = "Currency"
group = "Lists"
level = "view"
"#
    .to_owned()
}

#[test]
fn imported_profiles_are_never_builtin_and_json_round_trips() {
    let p = parse_toml(&netsuite_toml()).unwrap();
    assert!(!p.builtin, "an import cannot claim to be built-in");
    assert_eq!(
        p.netsuite.as_ref().unwrap().permissions[0].level,
        NsLevel::View
    );
    assert_eq!(validate(&p), Ok(()));

    let mut exported = p.clone();
    exported.builtin = true;
    let back = parse_json(&serde_json::to_string(&exported).unwrap()).unwrap();
    assert_eq!(back, p);
}

#[test]
fn syntax_errors_say_where() {
    let err = parse_toml("schema_version = 1\nid = ").unwrap_err();
    assert!(err.to_string().contains("line 2"), "{err}");
    assert!(parse_json("{\"id\": 3}").is_err());
}

fn fields(p: &ConnectorProfile) -> Vec<String> {
    validate(p)
        .unwrap_err()
        .into_iter()
        .map(|i| i.field)
        .collect()
}

#[test]
fn netsuite_rules_are_enforced() {
    let mut p = parse_toml(&netsuite_toml()).unwrap();
    p.schema_version = 2;
    p.id = "Netsuite Custom".into();
    p.name = "  ".into();
    let ns = p.netsuite.as_mut().unwrap();
    ns.auth_methods.clear();
    let mut dup = ns.permissions[0].clone();
    dup.level = NsLevel::None;
    ns.permissions.push(dup);
    let mut bad = ns.permissions[0].clone();
    bad.id = "list_item".into();
    ns.permissions.push(bad);
    ns.features.push(ns.features[0].clone());
    assert_eq!(
        fields(&p),
        [
            "schema_version",
            "id",
            "name",
            "netsuite.auth_methods",
            "netsuite.features[1].id",
            "netsuite.permissions[1].id",
            "netsuite.permissions[1].level",
            "netsuite.permissions[2].id",
        ]
    );
}

#[test]
fn erp_section_must_match_erp() {
    let mut p = parse_toml(&netsuite_toml()).unwrap();
    p.erp = Erp::Intacct;
    let issues = validate(&p).unwrap_err();
    assert_eq!(issues[0].field, "intacct");
    assert!(issues[0].message.contains("needs a [intacct] section"));

    let mut both = builtin().remove(2);
    both.netsuite = parse_toml(&netsuite_toml()).unwrap().netsuite;
    assert_eq!(fields(&both), ["netsuite"]);
}

#[test]
fn intacct_rights_come_from_the_allowed_set() {
    let mut p = builtin().remove(2);
    let objects = &mut p.intacct.as_mut().unwrap().objects;
    objects[0].rights = vec!["List".into(), "Read".into(), "List".into()];
    objects[1].rights.clear();
    objects[2].object = objects[0].object.clone();
    objects[3].policy = String::new();
    let issues = validate(&p).unwrap_err();
    let fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "intacct.objects[0].rights",
            "intacct.objects[0].rights",
            "intacct.objects[1].rights",
            "intacct.objects[2].object",
            "intacct.objects[3].policy",
        ]
    );
    assert!(issues[0]
        .message
        .contains("\"Read\" is not a Sage Intacct right"));
}

#[test]
fn slugs() {
    for ok in ["a", "netsuite-zuora-billing", "x1-2b"] {
        assert!(validate::is_slug(ok), "{ok}");
    }
    for bad in ["", "-a", "a-", "a--b", "A", "a_b", "a b"] {
        assert!(!validate::is_slug(bad), "{bad}");
    }
}

#[test]
fn mcp_is_granted_alone_and_only_through_the_authorization_code_grant() {
    let mcp = builtin_by_id("netsuite-ai-connector-mcp").unwrap();
    assert_eq!(validate(&mcp), Ok(()));
    let fields = |p: &ConnectorProfile| -> Vec<String> {
        validate(p)
            .unwrap_err()
            .into_iter()
            .map(|i| i.field)
            .collect()
    };
    let mut combined = mcp.clone();
    combined.netsuite.as_mut().unwrap().scopes = vec!["mcp".into(), "rest_webservices".into()];
    assert_eq!(fields(&combined), ["netsuite.scopes"]);
    let mut m2m = mcp.clone();
    m2m.netsuite.as_mut().unwrap().auth_methods =
        vec![AuthMethod::Oauth2Code, AuthMethod::Oauth2M2m];
    assert_eq!(fields(&m2m), ["netsuite.auth_methods"]);
    let mut tba = mcp;
    tba.netsuite.as_mut().unwrap().auth_methods = vec![AuthMethod::Tba];
    assert_eq!(fields(&tba), ["netsuite.auth_methods"]);
}

#[test]
fn a_restlet_is_named_by_its_script_and_deploy_ids() {
    let with = |script: &str, deploy: &str| {
        let mut p = parse_toml(&netsuite_toml()).unwrap();
        p.netsuite.as_mut().unwrap().restlet = Some(NsRestlet {
            script: script.into(),
            deploy: deploy.into(),
        });
        validate(&p)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|i| i.field)
            .collect::<Vec<_>>()
    };
    assert!(with("customscript_my_connector", "customdeploy_my_connector").is_empty());
    assert!(with("42", "1").is_empty());
    assert_eq!(
        with("customdeploy_x", "customscript_x"),
        ["netsuite.restlet.script", "netsuite.restlet.deploy"]
    );
    assert_eq!(
        with("customscript_X&deploy=2", ""),
        ["netsuite.restlet.script", "netsuite.restlet.deploy"]
    );
    let restlet = builtin_by_id("netsuite-restlet-connector").unwrap();
    assert!(restlet.netsuite.unwrap().restlet.is_some());
}

#[test]
fn an_installed_role_is_named_by_its_script_id() {
    use crate::profile::NsInstalledRole;
    let with = |scriptid: &str, name: &str| {
        let mut p = parse_toml(&netsuite_toml()).unwrap();
        p.netsuite.as_mut().unwrap().installed_role = Some(NsInstalledRole {
            scriptid: scriptid.into(),
            name: name.into(),
        });
        validate(&p)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|i| i.field)
            .collect::<Vec<_>>()
    };
    assert!(with("customrole_my_connector", "My Connector").is_empty());
    assert_eq!(
        with("customscript_x", " "),
        [
            "netsuite.installed_role.scriptid",
            "netsuite.installed_role.name"
        ]
    );
    let restlet = builtin_by_id("netsuite-restlet-connector").unwrap();
    assert_eq!(
        restlet.netsuite.unwrap().installed_role.unwrap().scriptid,
        "customrole_onramp_connector"
    );
}
