//! The browser's storage for what the full app remembers between visits (the secret key, column
//! mappings); None where the browser keeps none (then it lasts as long as the page).

pub fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
