//! Sharding a run: `N` jobs each check a stable share of the files, and together all of them.
//!
//! A file belongs to shard `I` of `N` when a hash of its path (as reports name it) is
//! `I - 1` modulo `N`. The hash is XXH3, whose output is fixed across versions and
//! platforms, so a file stays in its shard when other files are added or removed, and
//! every machine agrees on the split.

use std::fmt;
use std::str::FromStr;

use thiserror::Error;
use xxhash_rust::xxh3::xxh3_64;

/// Shard `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    index: u64,
    count: u64,
}

/// A shard that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ShardError {
    /// Not of the form `I/N`.
    #[error("`{0}` is not a shard of the form I/N, such as 2/5")]
    Syntax(String),
    /// `I` is not between 1 and `N`.
    #[error("shard {index} is not between 1 and {count}")]
    OutOfRange {
        /// The shard asked for.
        index: u64,
        /// The number of shards.
        count: u64,
    },
}

impl Shard {
    /// Shard `index` (from 1) of `count`.
    pub fn new(index: u64, count: u64) -> Result<Shard, ShardError> {
        if index == 0 || index > count {
            return Err(ShardError::OutOfRange { index, count });
        }
        Ok(Shard { index, count })
    }

    /// The 1-based index of this shard.
    pub fn index(&self) -> u64 {
        self.index
    }

    /// The number of shards.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// True when the file reported as `path` belongs to this shard.
    pub fn contains(&self, path: &str) -> bool {
        xxh3_64(path.as_bytes()) % self.count == self.index - 1
    }
}

impl FromStr for Shard {
    type Err = ShardError;

    fn from_str(s: &str) -> Result<Shard, ShardError> {
        let syntax = || ShardError::Syntax(s.to_owned());
        let (index, count) = s.split_once('/').ok_or_else(syntax)?;
        let number = |n: &str| n.trim().parse::<u64>().map_err(|_| syntax());
        Shard::new(number(index)?, number(count)?)
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_reject_nonsense() {
        assert_eq!("2/5".parse::<Shard>(), Shard::new(2, 5));
        assert_eq!("2/5".parse::<Shard>().unwrap().to_string(), "2/5");
        assert_eq!(
            "0/3".parse::<Shard>(),
            Err(ShardError::OutOfRange { index: 0, count: 3 })
        );
        assert_eq!(
            "4/3".parse::<Shard>(),
            Err(ShardError::OutOfRange { index: 4, count: 3 })
        );
        assert!(matches!(
            "1/0".parse::<Shard>(),
            Err(ShardError::OutOfRange { .. })
        ));
        for bad in ["", "3", "a/b", "1/2/3", "-1/2"] {
            assert_eq!(bad.parse::<Shard>(), Err(ShardError::Syntax(bad.to_owned())));
        }
    }

    #[test]
    fn every_path_is_in_exactly_one_shard() {
        let count = 4;
        let shards: Vec<Shard> = (1..=count).map(|i| Shard::new(i, count).unwrap()).collect();
        let mut sizes = [0; 4];
        for n in 0..1000 {
            let path = format!("articles/{n:04}.md");
            let owners: Vec<usize> = (0..4).filter(|&i| shards[i].contains(&path)).collect();
            assert_eq!(owners.len(), 1, "{path}");
            sizes[owners[0]] += 1;
        }
        assert!(sizes.iter().all(|&s| (200..300).contains(&s)), "{sizes:?}");
    }

    #[test]
    fn the_split_is_fixed() {
        // XXH3-64 of nothing, from the algorithm's specification: the split never changes.
        assert_eq!(xxh3_64(b""), 0x2D06_8005_38D3_94C2);
        let paths = ["a.md", "b.md", "c.md", "d.md", "e.md", "f.md"];
        let owners: Vec<u64> = paths
            .iter()
            .map(|p| (1..=3).find(|&i| Shard::new(i, 3).unwrap().contains(p)).unwrap())
            .collect();
        assert_eq!(owners, [1, 2, 3, 3, 2, 2]);
    }
}
