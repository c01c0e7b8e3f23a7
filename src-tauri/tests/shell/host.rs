//! A test host: the real commands and state store on Tauri's mock runtime, with
//! a temporary data dir and an injected `SecretStore` (the OS keychain is only
//! used by the end-to-end tests).

use std::path::Path;
use std::sync::Arc;

use onramp_app::ctx::AppCtx;
use onramp_core::{IpcError, SecretStore};
use serde::de::DeserializeOwned;
use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, Manager, WebviewWindow, WebviewWindowBuilder};

pub struct Host {
    pub app: App<MockRuntime>,
    pub window: WebviewWindow<MockRuntime>,
}

impl Host {
    pub fn new(data_dir: &Path, secrets: Arc<dyn SecretStore>) -> Self {
        let specta = onramp_app::specta_builder::<MockRuntime>();
        let app = mock_builder()
            .invoke_handler(specta.invoke_handler())
            .build(mock_context(noop_assets()))
            .expect("mock app");
        let ctx = AppCtx::open(data_dir.to_path_buf(), secrets).expect("open ctx");
        app.manage(ctx);
        let window = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("mock window");
        Self { app, window }
    }

    /// Invokes a command the way the webview does and decodes its answer.
    pub fn invoke<T: DeserializeOwned>(&self, cmd: &str, args: Value) -> Result<T, IpcError> {
        match self.raw(cmd, args) {
            Ok(body) => Ok(serde_json::from_value(body).expect("decode command answer")),
            Err(e) => Err(serde_json::from_value(e.clone())
                .unwrap_or_else(|_| panic!("{cmd} failed outside IpcError: {e}"))),
        }
    }

    /// The answer as JSON, including failures outside the command (unknown command, bad arguments).
    pub fn raw(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        tauri::test::get_ipc_response(&self.window, request)
            .map(|body| body.deserialize::<Value>().expect("a JSON answer"))
    }
}
