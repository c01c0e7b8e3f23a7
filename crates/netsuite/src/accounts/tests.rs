use super::*;

fn realm(input: &str) -> String {
    Account::parse(input).unwrap().realm().to_string()
}

#[test]
fn normalises_every_pasted_spelling() {
    assert_eq!(realm("1234567"), "1234567");
    for s in [
        "1234567_SB1",
        "1234567-sb1",
        "1234567_sb1",
        " 1234567-SB1\n",
    ] {
        assert_eq!(realm(s), "1234567_SB1", "{s}");
    }
    assert_eq!(realm(" TSTDRV123456 "), "TSTDRV123456");
    assert_eq!(realm("tstdrv123456"), "TSTDRV123456");
    assert_eq!(
        realm("https://1234567-sb1.app.netsuite.com/app/center/card.nl"),
        "1234567_SB1"
    );
    assert_eq!(
        realm("https://1234567.suitetalk.api.netsuite.com/services/rest/record/v1/customer"),
        "1234567"
    );
    assert_eq!(
        realm("1234567-sb2.restlets.api.netsuite.com"),
        "1234567_SB2"
    );
}

#[test]
fn environments() {
    let env = |s: &str| Account::parse(s).unwrap().environment();
    assert_eq!(env("1234567"), Environment::Production);
    assert_eq!(env("1234567_SB3"), Environment::Sandbox);
    assert_eq!(env("TSTDRV840553"), Environment::TestDrive);
    assert_eq!(env("1234567_RP"), Environment::ReleasePreview);
}

#[test]
fn hosts_are_lowercase_and_hyphenated() {
    let a = Account::parse("1234567_sb1").unwrap();
    assert_eq!(a.rest_host(), "1234567-sb1.suitetalk.api.netsuite.com");
    assert_eq!(a.app_host(), "1234567-sb1.app.netsuite.com");
    assert_eq!(a.restlets_host(), "1234567-sb1.restlets.api.netsuite.com");
    assert_eq!(a.production_realm(), "1234567");
    let t = Account::parse("TSTDRV840553").unwrap();
    assert_eq!(t.app_host(), "tstdrv840553.app.netsuite.com");
}

#[test]
fn precise_errors() {
    assert_eq!(Account::parse("   "), Err(AccountError::Empty));
    assert_eq!(
        Account::parse("1234 567"),
        Err(AccountError::InnerSpace("1234 567".into()))
    );
    assert!(matches!(
        Account::parse("jane@example.com"),
        Err(AccountError::Email(_))
    ));
    assert_eq!(
        Account::parse("1234567/SB1"),
        Err(AccountError::IllegalChar { ch: '/' })
    );
    assert!(matches!(
        Account::parse("https://example.com/app"),
        Err(AccountError::NotNetSuiteUrl(_))
    ));
    assert!(matches!(
        Account::parse("https://system.netsuite.com/pages/customerlogin.jsp"),
        Err(AccountError::NoAccountInUrl(_))
    ));
    assert!(matches!(
        Account::parse("1234567_XY"),
        Err(AccountError::UnknownSuffix(s)) if s == "_XY"
    ));
    assert!(matches!(
        Account::parse("1234567_SB"),
        Err(AccountError::UnknownSuffix(_))
    ));
}

#[test]
fn error_messages_say_where_to_look() {
    let msg = Account::parse("").unwrap_err().to_string();
    assert!(msg.contains("Company Information"), "{msg}");
}
