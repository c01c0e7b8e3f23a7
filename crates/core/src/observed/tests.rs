use super::*;
use crate::check::CheckResult;
use crate::profile::NsLevel;

fn profile() -> SetupProfile {
    crate::report::tests::sample().setup_profile()
}

#[test]
fn parse_round_trips_and_names_what_is_wrong() {
    let p = profile();
    assert_eq!(parse_setup_profile(&p.to_json()).unwrap(), p);
    assert_eq!(p.failing_checks(), vec!["netsuite.permissions".to_string()]);
    assert_eq!(p.errors_seen.len(), 1);

    let mut v: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
    v["kind"] = "onramp-connector-profile".into();
    let e = parse_setup_profile(&v.to_string()).unwrap_err().to_string();
    assert!(
        e.contains("onramp-connector-profile") && e.contains("onramp-setup-profile"),
        "{e}"
    );

    let mut v: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
    v["schema_version"] = 9.into();
    let e = parse_setup_profile(&v.to_string()).unwrap_err().to_string();
    assert!(e.contains("version 9") && e.contains("newer Onramp"), "{e}");

    let mut v: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
    v["observed"]["netsuite"]["role"]["secret"] = "x".into();
    let e = parse_setup_profile(&v.to_string()).unwrap_err().to_string();
    assert!(e.contains("unknown field `secret`"), "{e}");

    let e = parse_setup_profile("<html><body>Login</body></html>")
        .unwrap_err()
        .to_string();
    assert!(e.contains("HTML"), "{e}");
    // A run record is not a setup profile, but parse_any converts it.
    let record = crate::report::tests::sample().to_json();
    assert!(parse_setup_profile(&record).is_err());
    assert_eq!(parse_any(&record).unwrap().setup, p.setup);
}

#[test]
fn imports_refuse_mixed_up_erps_bad_dates_and_impossible_ids() {
    let p = profile();
    let edit = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
        f(&mut v);
        parse_setup_profile(&v.to_string()).unwrap_err().to_string()
    };
    let e = edit(&|v| v["setup"]["erp"] = "intacct".into());
    assert!(e.contains("observed is from Netsuite"), "{e}");
    let e = edit(&|v| v["generated_at"] = "2025-02-30T10:00:00Z".into());
    assert!(e.contains("generated_at") && e.contains("RFC 3339"), "{e}");
    for bad in ["", "1234567 SB1", "../../etc", &"9".repeat(65)] {
        let e = edit(&|v| v["setup"]["account_id"] = bad.into());
        assert!(e.contains("NetSuite account ID"), "{bad:?}: {e}");
    }
    let mut record: serde_json::Value =
        serde_json::from_str(&crate::report::tests::sample().to_json()).unwrap();
    record["expiries"] = serde_json::json!([{"what": "certificate", "expires_at": "soon"}]);
    let e = parse_run_record(&record.to_string())
        .unwrap_err()
        .to_string();
    assert!(e.contains("expires_at"), "{e}");
}

#[test]
fn diff_finds_permission_level_and_check_status_changes() {
    let before = profile();
    let mut after = before.clone();
    if let Observed::Netsuite(ns) = &mut after.observed {
        ns.role
            .permissions
            .insert("LIST_ITEM".into(), NsLevel::View);
        ns.role
            .permissions
            .insert("LIST_CURRENCY".into(), NsLevel::View);
    }
    after.checks[1] = CheckResult::pass("netsuite.permissions", "Role permissions", "All there.");
    let changes = diff(&before, &after);
    let find = |area, key: &str| {
        changes
            .iter()
            .find(|c| c.area == area && c.key == key)
            .cloned()
    };
    let item = find(ChangeArea::Permission, "LIST_ITEM").unwrap();
    assert_eq!(
        (item.before.as_deref(), item.after.as_deref()),
        (Some("full"), Some("view"))
    );
    let cur = find(ChangeArea::Permission, "LIST_CURRENCY").unwrap();
    assert_eq!((cur.before, cur.after.as_deref()), (None, Some("view")));
    let chk = find(ChangeArea::Check, "netsuite.permissions").unwrap();
    assert_eq!(
        (chk.before.as_deref(), chk.after.as_deref()),
        (Some("fail"), Some("pass"))
    );
    assert_eq!(changes.len(), 3, "{changes:?}");
    assert!(diff(&before, &before).is_empty());
}
