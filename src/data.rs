//! What the page knows about its data, derived from two sources: the dataset id the address asks
//! for (a resource keyed on it, after the index) and the user's own file (a signal of its own).
//! The dataset shown, its notices and errors are derived from these, never stored twice.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use lta_core::cube::Parsed;
use lta_core::notice::Notice;
use lta_core::url_state::UrlState;
use lta_core::disclosure::SecretKey;
use lta_core::view::Dataset;
use lta_core::{DataError, DatasetIndex};

use crate::load::{load_dataset, load_index, Loaded};
use crate::local_file::{self, LocalFile, Opened, Proposal};
use lta_core::import::Mapping;

/// What the page knows about its data at one moment: derived, never written.
#[derive(Clone, Default)]
pub struct Data {
    /// The published datasets.
    pub index: Option<Arc<DatasetIndex>>,
    /// What is shown.
    pub dataset: Option<Arc<Dataset>>,
    /// The published dataset of the address: a local file borrows its labels and population.
    pub base: Option<Arc<Dataset>>,
    /// The base's `manifest.json` as fetched (for the publishable cube).
    pub base_manifest_json: Option<Arc<Vec<u8>>>,
    pub notices: Vec<Notice>,
    pub error: Option<DataError>,
    /// The local file shown, as read (before the cell-key method).
    pub local: Option<Arc<LocalFile>>,
    /// The user turned the cell-key method off for a records file.
    pub rules_off: bool,
}

fn same<T>(a: &Option<Arc<T>>, b: &Option<Arc<T>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Arc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// Datasets are compared by identity (the same load), never cell by cell.
impl PartialEq for Data {
    fn eq(&self, o: &Data) -> bool {
        same(&self.index, &o.index)
            && same(&self.dataset, &o.dataset)
            && same(&self.base, &o.base)
            && same(&self.base_manifest_json, &o.base_manifest_json)
            && same(&self.local, &o.local)
            && (&self.notices, &self.error, self.rules_off) == (&o.notices, &o.error, o.rules_off)
    }
}

/// The user's own file as read, with the notices reading gave and the rules switch.
#[derive(Clone)]
struct Local {
    file: Arc<LocalFile>,
    notices: Vec<Notice>,
    rules_off: bool,
}

/// How the data bar changes the data.
#[derive(Clone, Copy)]
pub struct Loader {
    /// Leaves the local file (the address's dataset is shown again).
    pub show_published: Callback<()>,
    pub open_file: Callback<web_sys::File>,
    /// Turns the cell-key method on (true) or off for a records file.
    pub set_rules: Callback<bool>,
    /// The secret key of the cell-key method, set when the first file is opened.
    pub secret: ReadSignal<Option<SecretKey>>,
    /// Uses (and keeps) another key: one the user opened.
    pub set_key: Callback<SecretKey>,
    /// Reading a local file: how far, 0..=1. Only the progress bar reads it, so a tick
    /// re-renders nothing else.
    pub progress: ReadSignal<Option<f64>>,
    /// A records file with columns of its own, waiting for the user to say which is which.
    pub question: ReadSignal<Option<Arc<Proposal>>>,
    /// The user's answer: the mapping to read it by, or None (not read; the data shown stays).
    pub answer: Callback<Option<Mapping>>,
}

type Published = Option<Result<Arc<Loaded>, DataError>>;

/// The data the page shows, derived from the dataset id the address asks for (`asked`), and
/// how the data bar changes it.
pub fn sources(asked: Signal<Option<String>>) -> (Memo<Data>, Loader) {
    let index = LocalResource::new(|| async { load_index().await.map(Arc::new) });
    // The id shown: the asked one where the index has it, else the index's first.
    let id = crate::memo::memo(move |_| {
        let asked = asked.get();
        index.with(|i| {
            let index = i.as_ref()?.as_ref().ok()?;
            index.entry(asked.as_deref()).map(|e| e.id.clone())
        })
    });
    let published: LocalResource<Published> = LocalResource::new(move || {
        let entry = id.get().and_then(|id| {
            index.with_untracked(|i| i.as_ref()?.as_ref().ok()?.datasets.iter().find(|e| e.id == id).cloned())
        });
        async move {
            match entry {
                Some(e) => Some(load_dataset(&e).await.map(Arc::new)),
                None => None,
            }
        }
    });
    let base = Memo::new_with_compare(
        move |_| published.with(|p| p.clone().flatten()?.ok().map(|l| l.dataset.clone())),
        |a, b| !matches!((a, b), (Some(a), Some(b)) if same(a, b)),
    );
    let (local, file_error, progress) = (RwSignal::new(None::<Local>), RwSignal::new(None::<DataError>), RwSignal::new(None));
    let secret = RwSignal::new(None::<SecretKey>);
    // The local file under the method (or not): recomputed only when the file, the switch, the
    // key or the base changes.
    let local_dataset = Memo::new_with_compare(
        move |_| {
            local.with(|l| {
                let (l, b) = (l.as_ref()?, base.get()?);
                secret.with(|key| local_dataset(l, &b, key.as_ref()))
            })
        },
        |a, b| !matches!((a, b), (Some(a), Some(b)) if same(a, b)),
    );
    let data = crate::memo::memo(move |_| {
        let index_read = index.with(|i| i.clone());
        let loaded = published.with(|p| p.clone().flatten());
        let (file, notices, rules_off) = local.with(|l| match l {
            Some(l) => (Some(l.file.clone()), Some(l.notices.clone()), l.rules_off),
            None => (None, None, false),
        });
        let error = file_error.get().or_else(|| index_read.as_ref()?.as_ref().err().cloned()).or_else(|| loaded.as_ref()?.as_ref().err().cloned());
        let loaded = loaded.and_then(Result::ok);
        Data {
            index: index_read.and_then(Result::ok),
            dataset: local_dataset.get().or_else(|| base.get()),
            base: base.get(),
            base_manifest_json: loaded.as_ref().map(|l| l.manifest_json.clone()),
            notices: notices.or_else(|| loaded.map(|l| l.notices.clone())).unwrap_or_default(),
            error,
            local: file,
            rules_off,
        }
    });
    (data, loader(base, local, file_error, progress, secret))
}

/// The data bar's handles on the local file. Each read takes a number; a read that finishes
/// after a newer one started (or after the user went back to the published data) is dropped.
fn loader(
    base: Memo<Option<Arc<Dataset>>>,
    local: RwSignal<Option<Local>>,
    file_error: RwSignal<Option<DataError>>,
    progress: RwSignal<Option<f64>>,
    secret: RwSignal<Option<SecretKey>>,
) -> Loader {
    let reads = StoredValue::new(0u32);
    let next_read = move || {
        reads.update_value(|n| *n += 1);
        reads.get_value()
    };
    let question = RwSignal::new(None::<Arc<Proposal>>);
    let show_published = Callback::new(move |()| {
        next_read();
        local.set(None);
        file_error.set(None);
        progress.set(None);
        question.set(None);
    });
    // A read's end: the file shown, or its error beside the data already shown.
    let done = move |this: u32, read: Result<Parsed<LocalFile>, DataError>| {
        if reads.get_value() != this {
            return;
        }
        progress.set(None);
        match read {
            Ok(parsed) => local.set(Some(Local { file: Arc::new(parsed.value), notices: parsed.notices, rules_off: false })),
            Err(e) => file_error.set(Some(e)),
        }
    };
    let open_file = Callback::new(move |file: web_sys::File| {
        if !crate::handover::FULL {
            progress.set(Some(0.0));
            return crate::handover::to_full(Some(file), move |e| {
                progress.set(None);
                file_error.set(Some(e));
            });
        }
        let Some(base) = base.get_untracked() else { return };
        if let Err(e) = ensure_key(secret) {
            return file_error.set(Some(e));
        }
        progress.set(Some(0.0));
        file_error.set(None);
        question.set(None);
        let this = next_read();
        spawn_local(async move {
            let name = file.name();
            let read = match local_file::bytes(&file).await {
                Ok(bytes) => local_file::read(&bytes, &name, base, crate::columns::remembered, |p| progress.set(Some(p))).await,
                Err(e) => Err(e),
            };
            match read {
                Ok(Opened::Ask(proposal)) if reads.get_value() == this => {
                    progress.set(None);
                    question.set(Some(Arc::new(proposal)));
                }
                Ok(Opened::Ask(_)) => {}
                Ok(Opened::Read(parsed)) => done(this, Ok(parsed)),
                Err(e) => done(this, Err(e)),
            }
        });
    });
    let answer = Callback::new(move |mapping: Option<Mapping>| {
        // Only the full app asks (and so links the records reader and its reference tables).
        if !crate::handover::FULL {
            return;
        }
        let Some(proposal) = question.get_untracked() else { return };
        question.set(None);
        let (Some(mapping), Some(base)) = (mapping, base.get_untracked()) else { return };
        crate::columns::remember(&proposal.preview.header, &mapping);
        progress.set(Some(0.0));
        let this = next_read();
        spawn_local(async move {
            let read = local_file::read_mapped(&proposal, &mapping, &base, |p| progress.set(Some(p))).await;
            done(this, read);
        });
    });
    let set_rules = Callback::new(move |on: bool| {
        local.update(|l| {
            if let Some(l) = l {
                l.rules_off = !on;
            }
        })
    });
    let set_key = Callback::new(move |key: SecretKey| {
        // Only the full app shows the key's controls: the first app does not link the storage.
        #[cfg(feature = "toolkit")]
        crate::secret_key::store(&key);
        secret.set(Some(key));
    });
    Loader {
        show_published,
        open_file,
        set_rules,
        secret: secret.read_only(),
        set_key,
        progress: progress.read_only(),
        question: question.read_only(),
        answer,
    }
}

/// The key for the first file: the browser's stored one, else a new one. (Only the full app
/// reads files, so only it links this.)
fn ensure_key(secret: RwSignal<Option<SecretKey>>) -> Result<(), DataError> {
    if secret.with_untracked(Option::is_none) {
        secret.set(Some(crate::secret_key::stored_or_new()?));
    }
    Ok(())
}

/// A local file as shown: under the cell-key method unless the user turned it off. Only the
/// full app reads files (`handover.rs`), so only it links the method.
#[cfg(feature = "toolkit")]
fn local_dataset(l: &Local, base: &Dataset, key: Option<&SecretKey>) -> Option<Arc<Dataset>> {
    let key = if l.rules_off { None } else { Some(key?) };
    let mut shown = Dataset::local(&l.file.name, &l.file.cube, base, key);
    // How periods came from dates and landsdelen from gemeenten is said beside every view, as on
    // the publishable cube.
    shown.manifest.notes.extend(l.file.mapping.as_ref().map(Mapping::notes).unwrap_or_default());
    Some(Arc::new(shown))
}

#[cfg(not(feature = "toolkit"))]
fn local_dataset(_: &Local, _: &Dataset, _: Option<&SecretKey>) -> Option<Arc<Dataset>> {
    None
}

/// The dataset id the address asks for.
pub fn asked_id(state: RwSignal<UrlState>) -> Signal<Option<String>> {
    let id = crate::memo::memo(move |_| state.with(|s| s.data.clone()));
    id.into()
}
