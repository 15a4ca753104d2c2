//! `localStorage`, guarded by hand: in a sandboxed frame or a privacy mode
//! merely reading `window.localStorage` throws, and then the page goes on
//! without it (docs/storage.md says why this is not gloo-storage).

use crate::core::page::startup::Stored;

const STORAGE_KEY: &str = "stackweigh:v1:state";
/// The reader's own settings, set aside when a shared link replaced them.
const DISPLACED_KEY: &str = "stackweigh:v1:before-link";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn read_stored() -> Stored {
    let Some(storage) = storage() else {
        return Stored::Unavailable;
    };
    match storage.get_item(STORAGE_KEY) {
        Ok(Some(value)) => Stored::Value(value),
        Ok(None) => Stored::Empty,
        Err(_) => Stored::Unavailable,
    }
}

pub fn store(state: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, state);
    }
}

pub fn keep_displaced(value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(DISPLACED_KEY, value);
    }
}

/// What an earlier shared link displaced, if the reader has not chosen yet.
pub fn read_displaced() -> Option<String> {
    storage()?.get_item(DISPLACED_KEY).ok().flatten()
}

pub fn forget_displaced() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(DISPLACED_KEY);
    }
}
