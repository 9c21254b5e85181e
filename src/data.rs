//! What the page knows about its data, derived from two sources: the dataset id the address asks
//! for (a resource keyed on it, after the index) and, in the full app, the user's own file
//! (`own_file.rs`). The dataset shown, its notices and errors are derived from these, never
//! stored twice.

use std::sync::Arc;

use leptos::prelude::*;
use lta_core::{DataError, Dataset, DatasetIndex, Notice, UrlState};

use crate::load::{load_dataset, load_index, Loaded};
use crate::memo::same;
#[cfg(feature = "toolkit")]
use crate::local_file::LocalFile;
#[cfg(feature = "toolkit")]
use crate::own_file::OwnFile;

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
    /// The local file shown, as read (before the cell-key method). Only the full app reads
    /// files: the first hands them over (`handover.rs`).
    #[cfg(feature = "toolkit")]
    pub local: Option<Arc<LocalFile>>,
    /// The user turned the cell-key method off for a records file.
    #[cfg(feature = "toolkit")]
    pub rules_off: bool,
}

/// Datasets are compared by identity (the same load), never cell by cell.
impl PartialEq for Data {
    fn eq(&self, o: &Data) -> bool {
        #[cfg(feature = "toolkit")]
        if !same(&self.local, &o.local) || self.rules_off != o.rules_off {
            return false;
        }
        same(&self.index, &o.index)
            && same(&self.dataset, &o.dataset)
            && same(&self.base, &o.base)
            && same(&self.base_manifest_json, &o.base_manifest_json)
            && (&self.notices, &self.error) == (&o.notices, &o.error)
    }
}

/// How the data bar changes the data.
#[derive(Clone, Copy)]
pub struct Loader {
    /// Leaves the local file (the address's dataset is shown again).
    pub show_published: Callback<()>,
    pub open_file: Callback<web_sys::File>,
    /// Reading a local file: how far, 0..=1. Only the progress bar reads it, so a tick
    /// re-renders nothing else.
    pub progress: ReadSignal<Option<f64>>,
    /// The file of one's own: its column question, the rules switch, the key (full app only).
    #[cfg(feature = "toolkit")]
    pub own: OwnFile,
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
    let (file_error, progress) = (RwSignal::new(None::<DataError>), RwSignal::new(None));
    #[cfg(feature = "toolkit")]
    let own = OwnFile::new(base, file_error, progress);
    let data = crate::memo::memo(move |_| {
        let index_read = index.with(|i| i.clone());
        let loaded = published.with(|p| p.clone().flatten());
        let error = file_error.get().or_else(|| index_read.as_ref()?.as_ref().err().cloned()).or_else(|| loaded.as_ref()?.as_ref().err().cloned());
        let loaded = loaded.and_then(Result::ok);
        let published = Data {
            index: index_read.and_then(Result::ok),
            dataset: base.get(),
            base: base.get(),
            base_manifest_json: loaded.as_ref().map(|l| l.manifest_json.clone()),
            notices: loaded.map(|l| l.notices.clone()).unwrap_or_default(),
            error,
            ..Data::default()
        };
        // The local file shown over the published data, where there is one.
        #[cfg(feature = "toolkit")]
        if let Some(s) = own.shown() {
            return Data { dataset: s.dataset.or(published.dataset), notices: s.notices, local: Some(s.file), rules_off: s.rules_off, ..published };
        }
        published
    });
    let show_published = Callback::new(move |()| {
        file_error.set(None);
        progress.set(None);
        #[cfg(feature = "toolkit")]
        own.close();
    });
    // The first app reads no file: it hands the page and the file over to the full app.
    let open_file = Callback::new(move |file: web_sys::File| {
        #[cfg(feature = "toolkit")]
        own.open(file);
        #[cfg(not(feature = "toolkit"))]
        {
            progress.set(Some(0.0));
            crate::handover::to_full(Some(file), move |e| {
                progress.set(None);
                file_error.set(Some(e));
            });
        }
    });
    let loader = Loader {
        show_published,
        open_file,
        progress: progress.read_only(),
        #[cfg(feature = "toolkit")]
        own,
    };
    (data, loader)
}

/// The dataset id the address asks for.
pub fn asked_id(state: RwSignal<UrlState>) -> Signal<Option<String>> {
    let id = crate::memo::memo(move |_| state.with(|s| s.data.clone()));
    id.into()
}
