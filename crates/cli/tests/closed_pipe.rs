//! `onramp-cli … | head`: output into a pipe whose reader has gone ends the
//! process like any Unix tool (SIGPIPE), never with a Rust panic message.
#![cfg(unix)]

use std::io::Read;
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};

#[test]
fn a_closed_stdout_pipe_ends_the_cli_without_a_panic() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_onramp-cli"))
        .args(["sim", "list"])
        .env_remove("RUST_LOG")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    // Close the reading end before the CLI can write its first line.
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(status.signal(), Some(libc::SIGPIPE), "{status:?}: {stderr}");
}
