//! The process's memory habits on Linux with glibc (elsewhere these do nothing).
//!
//! glibc gives every thread that allocates its own malloc arena, up to eight per
//! core, and keeps what is freed in each arena for reuse instead of returning it to
//! the system. kimbot has a handful of threads (tokio workers, one per SQLite
//! connection, the blocking pool that writes exports), so an idle bot carried several
//! arenas' worth of freed memory. Two arenas are plenty for a process that mostly
//! waits on the network; and after a burst (start-up, an export) the freed memory is
//! handed back.

/// Caps malloc arenas at two. Call first thing in `main`, before any thread starts.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator parameters; it is called before any
    // other thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

/// Returns memory freed after a burst of work (start-up, an export) to the system.
pub fn release_free() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory at the top of the heaps.
    unsafe {
        libc::malloc_trim(0);
    }
}
