//! Memos through one function per value type. `Memo::new` with a closure makes a copy of the
//! memo's machinery for every closure (about 1 KB of wasm each, 50 of them); the closure boxed
//! here makes one copy per value type instead (issue #11's download budget).

use leptos::prelude::*;

/// `Memo::new(f)`, sharing its code with every other memo of a `T`.
pub fn memo<T: PartialEq + Send + Sync + 'static>(f: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Memo<T> {
    let f: Box<dyn Fn(Option<&T>) -> T + Send + Sync> = Box::new(f);
    Memo::new(move |prev| f(prev))
}
