//! What the application asks of the window system it runs in. The desktop
//! shell implements it with Tauri; tests implement it without a window.

use onramp_core::IpcError;
use url::Url;

/// Where the OAuth 2.0 sign-in page opens.
pub trait SignInWindows: Send + Sync {
    /// The system browser, for a real account.
    fn open_browser(&self, url: &Url) -> Result<(), IpcError>;
    /// Practice mode: a second app window on the simulator's consent page.
    fn open_consent(&self, url: Url) -> Result<(), IpcError>;
    fn close_consent(&self);
}

/// The host's sign-in windows, as the shell keeps them in its state.
pub struct OAuthWindows(pub Box<dyn SignInWindows>);
