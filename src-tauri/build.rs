fn main() {
    // `generate_context!` embeds ../ui/dist and refuses a missing folder. Create it
    // empty so `cargo check`/`clippy`/unit tests work before the UI is built; the
    // scripts always build the UI first, so a shipped binary embeds the real one.
    // The manifest dir is read when the script runs, not baked in when it is
    // compiled: a build script binary is reused by checkouts in other folders.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dist = std::path::Path::new(&manifest).join("../ui/dist");
    if !dist.exists() {
        std::fs::create_dir_all(&dist).expect("create ui/dist");
    }
    tauri_build::build()
}
