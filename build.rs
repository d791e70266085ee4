//! Release builds lay out the functions an idle `kimbot run` executes next to each
//! other (lld's `--symbol-ordering-file`, list in `deploy/hot-functions.txt`).
//!
//! Why: the kernel maps an executable's code 64 KiB around every page it touches, so
//! the ~1.7 MiB of code a started bot runs, scattered over 11 MiB of text, kept about
//! 8 MiB of code resident. Packed together it keeps little more than itself. Names
//! missing from the list (code changed since it was recorded) are only laid out
//! after the listed ones: a stale list costs memory, never correctness.
//! `deploy/hot-functions.sh` records the list again.

fn main() {
    let list = std::path::Path::new("deploy/hot-functions.txt");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed={}", list.display());
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    let linux = std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux");
    if release && linux && list.exists() {
        let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
        println!("cargo::rustc-link-arg-bin=kimbot=-Wl,--symbol-ordering-file={dir}/{}", list.display());
        println!("cargo::rustc-link-arg-bin=kimbot=-Wl,--no-warn-symbol-ordering");
    }
}
