use serde_json::json;

use super::*;

fn table() -> Table {
    let row = |role: &str, key: &str, level: &str| {
        BTreeMap::from([
            ("role".to_string(), role.to_string()),
            ("permkey".to_string(), key.to_string()),
            ("permlevel".to_string(), level.to_string()),
        ])
    };
    Table {
        columns: vec!["role".into(), "permkey".into(), "permlevel".into()],
        rows: vec![
            row("1001", "LIST_CURRENCY", "1"),
            row("1001", "ADMI_LOGIN_OAUTH", "4"),
            row("1002", "LIST_CUSTJOB", "4"),
        ],
    }
}

#[test]
fn parses_the_queries_onramp_sends() {
    let q = parse(
        "SELECT permkey, permlevel FROM rolepermissions WHERE role = 1001",
        &[],
    )
    .unwrap();
    assert_eq!(q.table, "rolepermissions");
    assert_eq!(q.columns, ["permkey", "permlevel"]);
    assert_eq!(q.filters, [("role".to_string(), "1001".to_string())]);
    let q = parse(
        "select rolesforsearch from Employee where id = ?",
        &[json!(13)],
    )
    .unwrap();
    assert_eq!(q.table, "employee");
    assert_eq!(q.filters[0].1, "13");
    let q = parse("SELECT name FROM role WHERE name = 'A/P ''Clerk'''", &[]).unwrap();
    assert_eq!(q.filters[0].1, "A/P 'Clerk'");
}

#[test]
fn filters_projects_and_orders_as_text() {
    let q = parse(
        "SELECT permkey FROM rolepermissions WHERE role = 1001 ORDER BY permlevel DESC",
        &[],
    )
    .unwrap();
    let rows = run(&q, &table()).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["permkey"], "ADMI_LOGIN_OAUTH");
    assert!(!rows[0].contains_key("permlevel"));
    let all = run(
        &parse("SELECT * FROM rolepermissions", &[]).unwrap(),
        &table(),
    )
    .unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[2]["permlevel"], "4");
}

#[test]
fn unknown_columns_and_unsupported_forms_are_refused() {
    let q = parse("SELECT bogus FROM rolepermissions", &[]).unwrap();
    assert_eq!(
        run(&q, &table()),
        Err(QueryError::UnknownIdentifier("bogus".into()))
    );
    assert!(QueryError::UnknownIdentifier("bogus".into())
        .detail()
        .contains("Unknown identifier 'bogus'"));
    for bad in [
        "DELETE FROM customer",
        "SELECT id FROM customer JOIN x",
        "SELECT id FROM customer WHERE id > 3",
        "SELECT id FROM customer WHERE id = ?",
        "SELECT id FROM customer WHERE name = 'open",
    ] {
        assert!(
            matches!(parse(bad, &[]), Err(QueryError::Unsupported(_))),
            "{bad}"
        );
    }
}
