//! The HTTP side of kimbot. [`console`] is the staff web console; its router is
//! mounted on the process's HTTP listener.

pub mod console;
