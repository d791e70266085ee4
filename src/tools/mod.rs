//! The ways in besides serving Telegram: the command line, the sandbox, benchmarks.

pub mod areas_cli;
pub mod backup;
pub mod bench;
pub mod cli;
pub mod doctor;
pub mod opd;
pub mod sandbox;
