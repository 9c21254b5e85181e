//! The browser's secret key for the cell-key method (`core/src/protect/disclosure/`). It is kept in the
//! browser's storage, so a file shows the same figures after a reload, and can be saved to and
//! opened from a key file, so the next release of the same records uses the same key. It goes
//! into no URL, log, download or request: only into the key file the user saves.

use lta_core::{DataError, ErrorKind, SecretKey};

const STORAGE: &str = "lta-sleutel";

/// The stored key, else a new one from the browser's cryptographic random source (stored; where
/// the browser keeps no storage, it lasts as long as the page).
pub fn stored_or_new() -> Result<SecretKey, DataError> {
    if let Some(key) = crate::storage::local().and_then(|s| s.get_item(STORAGE).ok().flatten()).and_then(|t| SecretKey::parse(&t)) {
        return Ok(key);
    }
    let mut bytes = [0u8; 16];
    let crypto = web_sys::window().and_then(|w| w.crypto().ok());
    crypto
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .ok_or_else(|| DataError::new(ErrorKind::Unreadable, "crypto.getRandomValues"))?;
    let key = SecretKey::from_bytes(bytes);
    store(&key);
    Ok(key)
}

/// Keeps the key for the next visit.
pub fn store(key: &SecretKey) {
    if let Some(s) = crate::storage::local() {
        let _ = s.set_item(STORAGE, &key.to_file());
    }
}

/// The key in a key file the user opened.
pub async fn open(file: &web_sys::File) -> Result<SecretKey, DataError> {
    let bytes = crate::local_file::bytes(file).await?;
    let text = String::from_utf8(bytes).map_err(|_| DataError::new(ErrorKind::BadKey, &file.name()))?;
    SecretKey::parse(&text).ok_or_else(|| DataError::new(ErrorKind::BadKey, &file.name()))
}
