//! The PDF is read back with a PDF parser (lopdf), page by page, as a reader's
//! tool would: what each page says, not how the writer meant it.

use super::layout::{MARGIN, PAGE_W};
use super::*;
use crate::check::Diagnosis;
use crate::observed::Simulation;
use crate::report::tests::sample;
use crate::report::StepRecord;
use crate::state::StepStatus;

fn opts() -> PdfOptions {
    PdfOptions {
        zone_name: "Europe/Berlin".into(),
        utc_offset_minutes: 60,
        profile_name: Some("Zuora Billing".into()),
    }
}

/// The text of every page, in order.
fn pages_text(bytes: &[u8]) -> Vec<String> {
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    let doc = lopdf::Document::load_mem(bytes).expect("the PDF parses");
    let n = doc.get_pages().len() as u32;
    (1..=n)
        .map(|p| doc.extract_text(&[p]).expect("the page's text reads"))
        .collect()
}

fn practice_record() -> RunRecord {
    let mut r = sample();
    r.setup.simulation = Some(Simulation {
        scenario: "netsuite/happy".into(),
    });
    r.generated_at = "2026-12-05T11:54:11Z".into();
    r.steps = [
        "Turn on features",
        "Create the role",
        "Create the integration user",
        "Connect",
    ]
    .iter()
    .enumerate()
    .map(|(i, title)| StepRecord {
        id: format!("step{i}"),
        title: (*title).into(),
        status: StepStatus::Done,
        by: Some("Dana Whitfield".into()),
        updated_at: format!("2026-12-05T10:0{i}:3{i}Z"),
    })
    .collect();
    // Enough checks for several pages.
    for i in 0..40 {
        r.checks.push(CheckResult::fail(
            format!("netsuite.extra{i}"),
            format!("Extra check {i}"),
            "The role lacks a permission the connector needs.",
            Diagnosis::new("A cause.", "A fix.", "Setup > Users/Roles > Manage Roles"),
        ));
    }
    r
}

#[test]
fn every_page_of_a_practice_report_says_simulation_and_its_number() {
    let pages = pages_text(&render_pdf(&practice_record(), &opts()));
    let n = pages.len();
    assert!(n >= 3, "expected several pages, got {n}");
    for (i, text) in pages.iter().enumerate() {
        assert!(
            text.contains("PRACTICE — SIMULATION") && text.contains("netsuite/happy"),
            "page {} lacks the simulation mark: {text}",
            i + 1
        );
        assert!(
            text.contains(&format!("Page {} of {n}", i + 1)),
            "page {} lacks its number: {text}",
            i + 1
        );
    }
}

#[test]
fn the_attestation_opens_page_one_and_steps_follow_the_wizard() {
    let pages = pages_text(&render_pdf(&practice_record(), &opts()));
    let first = pages[0].replace('\n', " ");
    let at = first.find("Attestation").expect("an attestation heading");
    assert!(
        at < first.find("Setup").unwrap(),
        "attestation before the rest"
    );
    for needle in [
        "In Practice mode",
        // 11:54:11Z in Berlin, to the second, zone named.
        "2026-12-05 12:54:11 (Europe/Berlin, UTC+01:00)",
        "Dana Whitfield",
        "1234567_SB1",
        "Zuora Billing",
        "Token-Based Authentication (TBA)",
        "id 1001",
        "Verdict: 41 of 42 checks failed",
    ] {
        assert!(first.contains(needle), "page 1 lacks {needle:?}: {first}");
    }
    let all = pages.concat();
    let order: Vec<usize> = [
        "Turn on features",
        "Create the role",
        "Create the integration user",
    ]
    .iter()
    .map(|t| all.find(t).unwrap_or_else(|| panic!("no step {t}")))
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "steps out of order: {order:?}"
    );
    assert!(all.contains("11:03:33"), "step times to the second, local");
    // Raw ids live in the appendix, after the checks by name.
    let appendix = all.find("Appendix: raw details").expect("an appendix");
    assert!(all.find("netsuite.permissions").unwrap() > appendix);
    assert!(all[appendix..].contains("netsuite-zuora-billing"));
}

#[test]
fn a_real_report_has_no_simulation_mark_and_no_red_for_nothing() {
    let mut r = sample();
    r.checks.retain(|c| c.status == CheckStatus::Pass);
    let doc = build(&r, &opts());
    assert!(doc.header.is_empty());
    let text = pages_text(&render_pdf(&r, &opts())).concat();
    assert!(!text.contains("SIMULATION"));
    assert!(text.contains("Setup report") && text.contains("(sandbox)"));
    let zero_failed = doc
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .find(|l| l.text == "0 failed")
        .expect("the tally");
    assert_eq!(zero_failed.color, layout::BLACK, "0 failed is not red");
}

#[test]
fn hostile_text_wraps_inside_the_page_and_foreign_scripts_are_spelled_out() {
    let mut r = practice_record();
    let url = format!(
        "https://{}.example.com/{}",
        "x".repeat(200),
        "segment/".repeat(400)
    );
    r.setup.account_id = "9".repeat(300);
    r.setup.simulation = Some(Simulation {
        scenario: format!("reproduced/{}", "z".repeat(500)),
    });
    r.steps[0].by = Some("王芳 (مدير) 😀\u{7}\ttab".into());
    r.checks[0].summary = format!("{url} {}", "word ".repeat(3000));
    r.checks[0].evidence.push(crate::check::Evidence {
        label: "l".repeat(400),
        value: url.clone(),
    });
    let bytes = render_pdf(&r, &opts());
    let doc = build(&r, &opts());
    for (i, page) in doc.pages.iter().enumerate() {
        for line in &page.lines {
            let right = line.x + font::width(line.font, line.size, &line.text);
            assert!(
                right <= PAGE_W - MARGIN + 0.01 && line.y > 40.0,
                "page {} line runs off the page: {:?}",
                i + 1,
                line.text
            );
        }
    }
    for h in &doc.header {
        assert!(font::width(font::Font::Bold, 9.0, h) < layout::CONTENT_W);
    }
    let pages = pages_text(&bytes);
    let all = pages.concat();
    assert!(all.contains("[U+738B][U+82B3]"), "CJK spelled out");
    assert!(all.contains("[U+1F600]"), "emoji spelled out");
    assert!(
        all.contains("standard fonts cannot show"),
        "the note explains it"
    );
    let n = pages.len();
    for (i, text) in pages.iter().enumerate() {
        assert!(text.contains(&format!("Page {} of {n}", i + 1)));
        assert!(text.contains("PRACTICE — SIMULATION"));
    }
}
