fn main() {
    // `generate_context!` embeds ../ui/dist and refuses a missing folder. Create it
    // empty so `cargo check`/`clippy`/unit tests work before the UI is built; the
    // scripts always build the UI first, so a shipped binary embeds the real one.
    let dist = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/dist");
    if !dist.exists() {
        std::fs::create_dir_all(&dist).expect("create ui/dist");
    }
    tauri_build::build()
}
