//! Analyses computed once per document and shared by every check that needs them.

use std::any::{Any, TypeId};
use std::sync::{Arc, Mutex};

type Slot = (TypeId, usize, Arc<dyn Any + Send + Sync>);

/// A per-document store of analyses, keyed by type and an extra key (such as the
/// address of the dictionary an analysis was made with).
#[derive(Default)]
pub struct AnalysisCache {
    slots: Mutex<Vec<Slot>>,
}

impl AnalysisCache {
    /// The analysis of type `T` under `key`, computed by `make` the first time.
    pub fn get_or_compute<T: Any + Send + Sync>(&self, key: usize, make: impl FnOnce() -> T) -> Arc<T> {
        let id = TypeId::of::<T>();
        if let Some(found) = self.lookup::<T>(id, key) {
            return found;
        }
        let value = Arc::new(make());
        if let Ok(mut slots) = self.slots.lock() {
            slots.push((id, key, value.clone()));
        }
        value
    }

    fn lookup<T: Any + Send + Sync>(&self, id: TypeId, key: usize) -> Option<Arc<T>> {
        let slots = self.slots.lock().ok()?;
        let (_, _, value) = slots.iter().find(|(t, k, _)| *t == id && *k == key)?;
        value.clone().downcast::<T>().ok()
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
