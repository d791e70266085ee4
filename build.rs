//! Release builds lay out the functions an idle `kimbot run` executes next to each
//! other (lld's `--symbol-ordering-file`, list in `deploy/hot-functions.txt`).
//!
//! Why: the kernel maps an executable's code 64 KiB around every page it touches, so
//! the ~1.7 MiB of code a started bot runs, scattered over 11 MiB of text, kept about
//! 8 MiB of code resident. Packed together it keeps little more than itself. Names
//! missing from the list (code changed since it was recorded) are only laid out
//! after the listed ones: a stale list costs memory, never correctness.
//! `deploy/hot-functions.sh` records the list again.
//!
//! Only where Rust links with its own lld by default (x86_64 Linux, glibc, since Rust
//! 1.90); `KIMBOT_NO_FUNCTION_ORDER=1` turns it off for a build that links with
//! another linker, which would not know the option.

fn main() {
    let list = std::path::Path::new("deploy/hot-functions.txt");
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed={}", list.display());
    println!("cargo::rerun-if-env-changed=KIMBOT_NO_FUNCTION_ORDER");
    let is = |var: &str, value: &str| std::env::var(var).is_ok_and(|v| v == value);
    let lld_by_default = is("CARGO_CFG_TARGET_OS", "linux") && is("CARGO_CFG_TARGET_ARCH", "x86_64") && is("CARGO_CFG_TARGET_ENV", "gnu");
    let wanted = is("PROFILE", "release") && std::env::var_os("KIMBOT_NO_FUNCTION_ORDER").is_none();
    if wanted && lld_by_default && list.exists() {
        let dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
        println!("cargo::rustc-link-arg-bin=kimbot=-Wl,--symbol-ordering-file={dir}/{}", list.display());
        println!("cargo::rustc-link-arg-bin=kimbot=-Wl,--no-warn-symbol-ordering");
    }
}
