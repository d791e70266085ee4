//! Database pool sizes (`KIMBOT_DB_JOURNAL_CONNECTIONS`), read here with every other
//! setting; the pools themselves are built in [`crate::platform::db`].

use super::ConfigError;

/// How many database connections each pool may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolConfig {
    /// Connections kept apart for the answer journal
    /// ([`crate::platform::delivery::answers`], default 4): its writes sit between
    /// "Telegram took the answer" and "recorded", the window in which a lost process
    /// makes a takeover answer twice, so they must not queue behind the handlers'
    /// queries for a connection of the main pool. With Telegram's 40 webhook updates
    /// in flight, 2 connections made a journal write wait 160 ms (median) for one, 4
    /// about 10 ms (the fault suite's kill, PostgreSQL, 2026-12-07).
    pub journal_connections: u32,
}

impl Default for PoolConfig {
    fn default() -> Self {
        Self { journal_connections: 4 }
    }
}

impl PoolConfig {
    /// Reads `KIMBOT_DB_JOURNAL_CONNECTIONS` (1–16, default 4).
    pub fn from_lookup<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Result<Self, ConfigError> {
        let journal_connections = super::number(&get, "KIMBOT_DB_JOURNAL_CONNECTIONS", Self::default().journal_connections.into(), 1, 16)? as u32;
        Ok(Self { journal_connections })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> Result<PoolConfig, ConfigError> {
        let map: std::collections::HashMap<_, _> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        PoolConfig::from_lookup(|k| map.get(k).map(String::as_str))
    }

    #[test]
    fn the_journal_pool_size_has_a_default_and_a_range() {
        assert_eq!(read(&[]).unwrap(), PoolConfig { journal_connections: 4 });
        assert_eq!(read(&[("KIMBOT_DB_JOURNAL_CONNECTIONS", "8")]).unwrap().journal_connections, 8);
        for bad in ["0", "17", "dua", "-1"] {
            let err = read(&[("KIMBOT_DB_JOURNAL_CONNECTIONS", bad)]).unwrap_err().to_string();
            assert!(err.starts_with("KIMBOT_DB_JOURNAL_CONNECTIONS"), "{bad}: {err}");
        }
    }
}
