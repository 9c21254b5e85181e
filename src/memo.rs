//! Memos through one function per value type. `Memo::new` with a closure makes a copy of the
//! memo's machinery for every closure (about 1 KB of wasm each, 50 of them); the closure boxed
//! here makes one copy per value type instead (issue #11's download budget).

use std::sync::Arc;

use leptos::prelude::*;

/// Whether two optional shared values are the same one (the same load), never compared by value.
pub fn same<T>(a: &Option<Arc<T>>, b: &Option<Arc<T>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// `Memo::new(f)`, sharing its code with every other memo of a `T`.
pub fn memo<T: PartialEq + Send + Sync + 'static>(f: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Memo<T> {
    let f: Box<dyn Fn(Option<&T>) -> T + Send + Sync> = Box::new(f);
    Memo::new(move |prev| f(prev))
}
