// The default theme and the starter site are embedded with include_dir; tell Cargo to
// rebuild when any file under them changes, not only when Rust sources do.
fn main() {
    println!("cargo:rerun-if-changed=themes/default");
    println!("cargo:rerun-if-changed=starter");
}
