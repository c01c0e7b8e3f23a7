//! Where the sign-in happens outside the main window: the system browser for a
//! real account, a second app window on the simulator's consent page in
//! Practice mode, and the redirect handler every way back leads to (deep
//! link, second launch, that window's navigation).

use tauri::{AppHandle, Manager, Runtime, WebviewUrl, WebviewWindowBuilder};
use tauri_plugin_opener::OpenerExt;

use onramp_application::host::SignInWindows;
use onramp_core::{ErrorKind, IpcError};

use super::flow::{Flows, OAuthEvent, Taken};
use super::link;
use crate::ctx::AppCtx;

/// The Practice-mode window that shows the simulator's consent page.
pub const CONSENT_WINDOW: &str = "netsuite-consent";

/// The shell's sign-in windows, over the app's handle.
pub struct ShellWindows<R: Runtime>(pub AppHandle<R>);

impl<R: Runtime> SignInWindows for ShellWindows<R> {
    fn open_browser(&self, url: &tauri::Url) -> Result<(), IpcError> {
        self.0
            .opener()
            .open_url(url.as_str(), None::<&str>)
            .map_err(|e| {
                IpcError::new(
                    ErrorKind::Internal,
                    format!("could not open the browser: {e}; open the address shown by hand"),
                )
            })
    }

    fn open_consent(&self, url: tauri::Url) -> Result<(), IpcError> {
        open_consent_window(&self.0, url)
    }

    fn close_consent(&self) {
        close_consent_window(&self.0)
    }
}

fn close_consent_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(w) = app.get_webview_window(CONSENT_WINDOW) {
        let _ = w.close();
    }
}

/// What the practice window does with an address it is sent to.
#[derive(Debug, PartialEq, Eq)]
pub enum Navigation {
    /// The app's redirect: handed to the redirect handler, never loaded.
    Redirect,
    /// A page of a practice simulator (always plain HTTP on loopback).
    Load,
    /// Anything else: this window shows the simulator only.
    Block,
}

pub fn consent_navigation(to: &tauri::Url) -> Navigation {
    if link::is_callback(to.as_str()) {
        return Navigation::Redirect;
    }
    let loopback = match to.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        _ => false,
    };
    if to.scheme() == "http" && loopback {
        Navigation::Load
    } else {
        Navigation::Block
    }
}

/// A second window on the loopback simulator's consent page. Its redirect to
/// the app's scheme never loads: it is handed to the redirect handler.
fn open_consent_window<R: Runtime>(app: &AppHandle<R>, url: tauri::Url) -> Result<(), IpcError> {
    let failed = |e: tauri::Error| {
        IpcError::new(
            ErrorKind::Internal,
            format!("could not open the sign-in window: {e}"),
        )
    };
    if let Some(w) = app.get_webview_window(CONSENT_WINDOW) {
        w.navigate(url).map_err(failed)?;
        return w.set_focus().map_err(failed);
    }
    let handle = app.clone();
    WebviewWindowBuilder::new(app, CONSENT_WINDOW, WebviewUrl::External(url))
        .title("NetSuite sign-in (simulated, Practice mode)")
        .inner_size(760.0, 620.0)
        .on_navigation(move |to| match consent_navigation(to) {
            Navigation::Redirect => {
                let (app, url) = (handle.clone(), to.to_string());
                tauri::async_runtime::spawn(async move {
                    handle_redirect(&app, url).await;
                });
                false
            }
            Navigation::Load => true,
            Navigation::Block => false,
        })
        .build()
        .map_err(failed)?;
    Ok(())
}

/// A redirect from outside the window (deep link, second launch, practice
/// window): validated against the waiting attempt, and its outcome sent to the window.
pub async fn handle_redirect<R: Runtime>(app: &AppHandle<R>, url: String) {
    let flows = app.state::<Flows>();
    let ctx = app.state::<AppCtx>();
    match flows.take(&url, None) {
        Taken::Nothing => tracing::warn!("an OAuth 2.0 redirect arrived but no sign-in is waiting"),
        Taken::Refused(error) => {
            tracing::warn!(error = %error.message, "an OAuth 2.0 redirect was refused");
            flows.notify_waiting(OAuthEvent::Failed { error });
        }
        Taken::Denied(p, error) => {
            close_consent_window(app);
            p.notify(OAuthEvent::Failed { error });
        }
        Taken::Code(p, answer) => {
            // The attempt is over however the redirect came: the practice page has done its job.
            close_consent_window(app);
            p.notify(match p.complete(&ctx, answer).await {
                Ok(status) => OAuthEvent::Connected { status },
                Err(error) => OAuthEvent::Failed { error },
            });
        }
    }
    if let Some(main) = app.get_webview_window("main") {
        let _ = main.set_focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nav(s: &str) -> Navigation {
        consent_navigation(&tauri::Url::parse(s).unwrap())
    }

    #[test]
    fn the_practice_window_hands_over_redirects_and_shows_only_simulators() {
        assert_eq!(
            nav("com.onramp.app://oauth/callback?state=s&code=c"),
            Navigation::Redirect
        );
        assert_eq!(
            nav(
                "http://127.0.0.1:38211/1234567.app.netsuite.com/app/login/oauth2/authorize.nl?x=1"
            ),
            Navigation::Load
        );
        assert_eq!(nav("http://[::1]:4000/a"), Navigation::Load);
        for other in [
            "https://1234567.app.netsuite.com/app/login/oauth2/authorize.nl",
            "http://example.com/",
            "http://127.0.0.1.evil.example/",
            "file:///etc/passwd",
            "javascript:alert(1)",
        ] {
            assert_eq!(nav(other), Navigation::Block, "{other}");
        }
    }
}
