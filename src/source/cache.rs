//! Analyses that belong to a kind of rule, computed once per document and shared by
//! every check that needs them (the prose's own analyses live in the document).

use std::any::{Any, TypeId};
use std::sync::OnceLock;

/// An analysis with its type and extra key.
type Slot = (TypeId, usize, Box<dyn Any + Send + Sync>);

/// Slots per block: a document gets a handful of analyses here.
const BLOCK: usize = 16;

/// A per-document store of analyses, keyed by type and an extra key (such as the
/// address of the dictionary an analysis was made with). Analyses are only ever added,
/// each in a slot of its own, so one is read without a lock and lent for as long as
/// the document lives.
#[derive(Default)]
pub struct AnalysisCache {
    slots: [OnceLock<Slot>; BLOCK],
    /// The slots after these, when these are full.
    more: OnceLock<Box<AnalysisCache>>,
}

impl AnalysisCache {
    /// The analysis of type `T` under `key`, computed by `make` the first time. `make`
    /// may ask for other analyses. Two threads asking at once may both compute it; the
    /// first kept is the one every caller gets.
    pub fn get_or_compute<T: Any + Send + Sync>(&self, key: usize, make: impl FnOnce() -> T) -> &T {
        let id = TypeId::of::<T>();
        match self.find::<T>(id, key) {
            Some(found) => found,
            None => self.keep(id, key, make()),
        }
    }

    /// The analysis of type `T` under `key`, if made. Slots are filled in order, so the
    /// first empty one ends the search.
    fn find<T: Any>(&self, id: TypeId, key: usize) -> Option<&T> {
        for slot in &self.slots {
            let (t, k, value) = slot.get()?;
            if *t == id && *k == key {
                return value.downcast_ref::<T>();
            }
        }
        self.more.get()?.find(id, key)
    }

    /// Keep `value` in the first free slot, unless a slot filled meanwhile holds the
    /// same analysis; either way, the analysis kept.
    fn keep<T: Any + Send + Sync>(&self, id: TypeId, key: usize, value: T) -> &T {
        let mut pending = Some(value);
        for slot in &self.slots {
            if let Some(value) = pending.take() {
                // A slot filled meanwhile hands the value back.
                if let Err((_, _, back)) = slot.set((id, key, Box::new(value))) {
                    pending = back.downcast::<T>().ok().map(|value| *value);
                }
            }
            match slot.get() {
                Some((t, k, kept)) if *t == id && *k == key => {
                    if let Some(kept) = kept.downcast_ref::<T>() {
                        return kept;
                    }
                }
                _ => {}
            }
        }
        let more = self.more.get_or_init(Box::default);
        more.keep(
            id,
            key,
            pending.expect("a value kept in a slot is returned from it"),
        )
    }
}

impl std::fmt::Debug for AnalysisCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AnalysisCache")
    }
}

impl Clone for AnalysisCache {
    /// A clone starts empty: analyses are cheap to redo and tied to their document.
    fn clone(&self) -> Self {
        AnalysisCache::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn each_analysis_is_made_once_and_kept_apart_by_type_and_key() {
        let cache = AnalysisCache::default();
        let made = AtomicUsize::new(0);
        let make = |n: usize| {
            made.fetch_add(1, Ordering::Relaxed);
            n
        };
        // More analyses than one block holds, of two types.
        for round in 0..2 {
            for key in 0..BLOCK * 2 + 3 {
                assert_eq!(*cache.get_or_compute(key, || make(key * 10)), key * 10, "{round}");
                assert_eq!(cache.get_or_compute(key, || format!("{key}")), &key.to_string());
            }
        }
        assert_eq!(made.load(Ordering::Relaxed), BLOCK * 2 + 3);
    }

    #[test]
    fn an_analysis_may_ask_for_another_while_it_is_made() {
        let cache = AnalysisCache::default();
        let outer = cache.get_or_compute(1, || cache.get_or_compute(0, || 2u8) + 1);
        assert_eq!((*outer, *cache.get_or_compute(0, || 0u8)), (3, 2));
        assert_eq!(*cache.get_or_compute(1, || 0u8), 3);
    }

    #[test]
    fn threads_asking_at_once_get_the_same_analysis() {
        let cache = AnalysisCache::default();
        let kept: Vec<usize> = std::thread::scope(|scope| {
            let threads: Vec<_> = (0..4)
                .map(|t: usize| {
                    let cache = &cache;
                    scope.spawn(move || {
                        (0..BLOCK + 4)
                            .map(|key| cache.get_or_compute(key, || vec![t; 3]) as *const Vec<usize> as usize)
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            let all: Vec<Vec<usize>> = threads.into_iter().map(|t| t.join().expect("thread")).collect();
            assert!(all.iter().all(|one| *one == all[0]));
            all[0].clone()
        });
        assert_eq!(kept.len(), BLOCK + 4);
    }
}
