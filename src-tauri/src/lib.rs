//! Onramp's desktop shell: wires the crates to Tauri. Commands live in
//! `commands`; everything they do is implemented in the crates.

pub mod commands;
mod logging;

pub use onramp_application::{
    connector_profiles, ctx, erp_run, export, practice, reproduce, runs, store,
};

/// The OAuth 2.0 flows live in the application crate; the shell adds the
/// deep link and the practice consent window.
pub mod oauth {
    pub use onramp_application::oauth::*;
    pub mod link;
    pub mod window;
}

use std::path::Path;
use std::sync::Arc;

use onramp_core::keychain::KeyringStore;
use tauri::{Manager, Runtime};

/// Every IPC command, typed for the generated `ui/src/bindings.ts`.
pub fn specta_builder<R: Runtime>() -> tauri_specta::Builder<R> {
    use commands::{
        admin, choose, connector_profiles, info, lifecycle, oauth, practice, run, secrets, setups,
        share,
    };
    tauri_specta::Builder::<R>::new()
        .commands(tauri_specta::collect_commands![
            info::app_info,
            setups::list_setups,
            setups::get_setup,
            setups::create_setup,
            setups::change_setup,
            setups::delete_setup,
            setups::setup_keychain_items,
            setups::list_clients,
            setups::save_client,
            setups::delete_client,
            setups::change_client,
            setups::list_profiles,
            secrets::secret_set,
            secrets::secret_exists,
            run::start_run,
            run::cancel_run,
            practice::list_scenarios,
            practice::practice_credentials,
            practice::practice_audit_trail,
            practice::secret_specs,
            practice::practice_fix,
            practice::apply_practice_fix,
            oauth::oauth_set_method,
            oauth::oauth_set_field,
            oauth::oauth_connect,
            oauth::oauth_reconsent,
            oauth::oauth_paste_redirect,
            oauth::oauth_status,
            oauth::oauth_refresh,
            oauth::oauth_revoke,
            oauth::m2m_generate,
            oauth::m2m_export_key,
            oauth::m2m_certificate,
            oauth::m2m_practice_upload,
            oauth::m2m_import_vendor_certificate,
            oauth::m2m_vendor_certificate,
            oauth::m2m_forget_vendor_certificate,
            oauth::netsuite_identity,
            admin::admin_sign_in,
            admin::admin_status,
            admin::admin_sign_out,
            admin::admin_employee_plan,
            admin::admin_create_employee,
            admin::admin_read_audit,
            admin::admin_offboard_plan,
            admin::admin_offboard,
            admin::intacct_admin_store,
            admin::intacct_admin_stored,
            admin::intacct_offboard_plan,
            admin::intacct_offboard,
            admin::admin_certificate_plan,
            admin::admin_map_certificate,
            admin::admin_practice_client_id,
            share::get_last_run,
            share::list_runs,
            share::setup_expiries,
            share::default_export_dir,
            share::export_report,
            share::save_report_pdf,
            share::export_setup_profile,
            share::import_setup_profile,
            share::reproduce_setup_profile,
            share::compare_setup_profiles,
            connector_profiles::check_connector_profile,
            connector_profiles::save_connector_profile,
            connector_profiles::delete_connector_profile,
            connector_profiles::import_connector_profile,
            connector_profiles::export_connector_profile,
            choose::choose_path,
            lifecycle::setup_reminders,
            lifecycle::rotation_state,
            lifecycle::rotation_stage,
            lifecycle::rotation_prove,
            lifecycle::reconsent_state,
            lifecycle::reconsent_prove,
            lifecycle::reconsent_discard,
            lifecycle::rotation_discard,
            lifecycle::maintain_practice,
            lifecycle::owner_begin,
            lifecycle::owner_prove,
            lifecycle::m2m_rotation_generate,
            lifecycle::m2m_rotation_certificate_id,
            lifecycle::m2m_rotation_practice_upload,
            lifecycle::m2m_owner_begin,
            lifecycle::m2m_rotation_prove,
            lifecycle::practice_change_password,
        ])
        // The wizard's steps, defined once in core.
        .typ::<onramp_core::steps::StepDef>()
        .constant(
            "STEPS",
            onramp_core::steps::catalogue()
                .into_iter()
                .collect::<std::collections::BTreeMap<_, _>>(),
        )
        // Only `duration_ms` is 64-bit: milliseconds fit a JS number exactly.
        .dangerously_cast_bigints_to_number()
        // One TypeScript type per Rust type: the UI reads what the commands
        // return and sends back the same shapes (a `Setup` it got, it saves).
        .disable_serde_phases()
}

pub const BINDINGS_HEADER: &str =
    "// Generated from the Rust commands by `cargo test -p onramp-app` \
     (UPDATE_BINDINGS=1 rewrites it). Do not edit.";

/// Writes the TypeScript bindings for the UI to `path`.
pub fn export_bindings(path: &Path) -> Result<(), String> {
    specta_builder::<tauri::Wry>()
        .export(
            specta_typescript::Typescript::default().header(BINDINGS_HEADER),
            path,
        )
        .map_err(|e| e.to_string())
}

pub fn run() {
    let specta = specta_builder::<tauri::Wry>();
    tauri::Builder::default()
        // First: a second launch (the OS opening a com.onramp.app:// redirect)
        // hands its arguments to this instance and exits.
        .plugin(tauri_plugin_single_instance::init(|app, argv, _cwd| {
            for url in oauth::link::callback_urls(&argv) {
                let app = app.clone();
                tauri::async_runtime::spawn(async move {
                    oauth::window::handle_redirect(&app, url).await;
                });
            }
        }))
        .plugin(tauri_plugin_deep_link::init())
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(specta.invoke_handler())
        .setup(|app| {
            logging::init(&app.path().app_log_dir()?)?;
            tracing::info!(version = env!("CARGO_PKG_VERSION"), "Onramp starting");
            // The service name is the app identifier, so a build with its own
            // identifier never touches the entries of an installed Onramp.
            let secrets = Arc::new(KeyringStore::new(app.config().identifier.clone()));
            let ctx = ctx::AppCtx::open(app.path().app_data_dir()?, secrets)
                .inspect_err(|e| tracing::error!(error = %e, "Onramp cannot open its settings"))?;
            app.manage(ctx);
            app.manage(oauth::flow::Flows::default());
            app.manage(onramp_application::host::OAuthWindows(Box::new(
                oauth::window::ShellWindows(app.handle().clone()),
            )));
            app.manage(commands::choose::FileChooser(Arc::new(
                commands::choose::SystemChooser(app.handle().clone()),
            )));
            oauth::link::listen(app.handle());
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("Onramp could not start its window");
}
