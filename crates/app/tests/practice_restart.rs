//! A practice OAuth 2.0 connection survives a restart of the app: the setup's
//! simulated account keeps what it issued in the data folder (no token in
//! it), so after the app starts again on the same folder and keychain the
//! stored tokens still sign in and the setup validates. Deleting the setup
//! deletes what its account kept.

#[path = "common/code_flow.rs"]
mod code_flow;
mod common;

use code_flow::Practice;
use onramp_application::api::setups::delete_setup;
use onramp_core::RunVerdict;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connected_practice_setup_still_validates_after_a_restart() {
    let mut p = Practice::new().await;
    p.sign_in(false, "13:1001", None).await;
    assert_eq!(p.verdict().await, RunVerdict::AllPassed);
    let token = p.access_token();

    p.restart();
    assert_eq!(
        p.verdict().await,
        RunVerdict::AllPassed,
        "the same tokens sign in"
    );
    assert_eq!(p.access_token(), token, "no new consent was needed");

    let kept = p
        .dir
        .path()
        .join("practice")
        .join(&p.id)
        .join("netsuite.json");
    let text = std::fs::read_to_string(&kept).unwrap();
    assert!(text.contains("\"access_tokens\""), "{text}");
    assert!(!text.contains(&token), "no token value in the data folder");

    delete_setup(&p.ctx, p.id.clone()).await.unwrap();
    assert!(!kept.parent().unwrap().exists(), "deleted with its setup");
}
