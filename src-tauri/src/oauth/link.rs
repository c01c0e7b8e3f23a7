//! Redirects that reach the app from outside: the OS starts Onramp with the
//! `com.onramp.app://…` URL as an argument (Linux, Windows), and the
//! single-instance plugin forwards that second launch's arguments to the
//! running instance, which holds the PKCE verifier. Only arguments in the
//! app's own scheme are redirects; everything else on a command line is not.

use tauri::{AppHandle, Runtime};
use tauri_plugin_deep_link::DeepLinkExt;

use super::SCHEME;

/// Registers the scheme where the OS needs it at run time and hands every
/// redirect the deep-link plugin reports (macOS delivers them this way) to
/// the redirect handler. A URL seen twice finds no attempt the second time.
pub fn listen<R: Runtime>(app: &AppHandle<R>) {
    // Linux (and unpackaged Windows builds) learn the scheme from the running
    // app; installers declare it for packaged builds.
    // Registering runs xdg-mime and update-desktop-database: off the launch
    // path, as nothing needs the scheme before the user starts a sign-in.
    #[cfg(any(target_os = "linux", all(debug_assertions, windows)))]
    {
        let handle = app.clone();
        std::thread::spawn(move || {
            if let Err(e) = handle.deep_link().register_all() {
                tracing::warn!(error = %e, "could not register the com.onramp.app scheme; pasting the address still works");
            }
        });
    }
    let handle = app.clone();
    app.deep_link().on_open_url(move |event| {
        for url in event.urls() {
            if is_callback(url.as_str()) {
                let app = handle.clone();
                let url = url.to_string();
                tauri::async_runtime::spawn(async move {
                    super::window::handle_redirect(&app, url).await;
                });
            }
        }
    });
}

/// True when `arg` is an address in the app's redirect scheme.
pub fn is_callback(arg: &str) -> bool {
    let arg = arg.trim();
    arg.len() > SCHEME.len()
        && arg.as_bytes()[SCHEME.len()] == b':'
        && arg[..SCHEME.len()].eq_ignore_ascii_case(SCHEME)
}

/// The redirect addresses in a launch's arguments; `argv[0]` is the program.
pub fn callback_urls(argv: &[String]) -> Vec<String> {
    argv.iter()
        .skip(1)
        .map(|a| a.trim())
        .filter(|a| is_callback(a))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_second_launch_forwards_only_callback_urls() {
        let url = "com.onramp.app://oauth/callback?state=abc&code=xyz";
        assert_eq!(callback_urls(&argv(&["/usr/bin/onramp", url])), [url]);
        // Desktop launchers may add flags around the URL (%u); they are not redirects.
        assert_eq!(
            callback_urls(&argv(&["onramp", "--no-sandbox", &format!(" {url}\n")])),
            [url]
        );
        assert!(callback_urls(&argv(&["onramp"])).is_empty());
        assert!(callback_urls(&argv(&["onramp", "https://evil.example/?code=x"])).is_empty());
        // The program path never counts, even when it looks like one.
        assert!(callback_urls(&argv(&["com.onramp.app://x"])).is_empty());
    }

    #[test]
    fn scheme_matching_is_exact_but_case_insensitive() {
        assert!(is_callback("COM.ONRAMP.APP://oauth/callback"));
        assert!(!is_callback("com.onramp.application://oauth/callback"));
        assert!(!is_callback("com.onramp.app"));
        assert!(!is_callback("xcom.onramp.app://oauth/callback"));
    }
}
