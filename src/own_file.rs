//! A file of one's own in the full app (the first hands it over, `handover.rs`): reading it, the
//! question about its columns, the cell-key method's switch and key, and what it shows over the
//! published data (`data.rs`).

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use lta_core::{DataError, Dataset, Mapping, Notice, Parsed, SecretKey};

use crate::local_file::{self, LocalFile, Opened, Proposal};
use crate::memo::same;

/// The user's own file as read, with the notices reading gave and the rules switch.
#[derive(Clone)]
struct Local {
    file: Arc<LocalFile>,
    notices: Vec<Notice>,
    rules_off: bool,
}

/// A local file as shown: the dataset (under the cell-key method unless turned off), the file as
/// read, its notices and the rules switch.
pub struct Shown {
    pub dataset: Option<Arc<Dataset>>,
    pub file: Arc<LocalFile>,
    pub notices: Vec<Notice>,
    pub rules_off: bool,
}

/// The state of a file of one's own, and what changes it. Each read takes a number; a read that
/// finishes after a newer one started (or after the user went back to the published data) is
/// dropped.
#[derive(Clone, Copy)]
pub struct OwnFile {
    base: Memo<Option<Arc<Dataset>>>,
    local: RwSignal<Option<Local>>,
    /// The local file under the method (or not): recomputed only when the file, the switch, the
    /// key or the base changes.
    shown: Memo<Option<Arc<Dataset>>>,
    file_error: RwSignal<Option<DataError>>,
    progress: RwSignal<Option<f64>>,
    /// The secret key of the cell-key method, set when the first file is opened.
    secret: RwSignal<Option<SecretKey>>,
    /// A records file with columns of its own, waiting for the user to say which is which.
    question: RwSignal<Option<Arc<Proposal>>>,
    reads: StoredValue<u32>,
}

impl OwnFile {
    pub fn new(base: Memo<Option<Arc<Dataset>>>, file_error: RwSignal<Option<DataError>>, progress: RwSignal<Option<f64>>) -> OwnFile {
        let local = RwSignal::new(None::<Local>);
        let secret = RwSignal::new(None::<SecretKey>);
        let shown = Memo::new_with_compare(
            move |_| {
                local.with(|l| {
                    let (l, b) = (l.as_ref()?, base.get()?);
                    secret.with(|key| local_dataset(l, &b, key.as_ref()))
                })
            },
            |a, b| !matches!((a, b), (Some(a), Some(b)) if same(a, b)),
        );
        let (question, reads) = (RwSignal::new(None), StoredValue::new(0));
        OwnFile { base, local, shown, file_error, progress, secret, question, reads }
    }

    /// What the local file shows, where one is open.
    pub fn shown(self) -> Option<Shown> {
        let (file, notices, rules_off) = self.local.with(|l| l.as_ref().map(|l| (l.file.clone(), l.notices.clone(), l.rules_off)))?;
        Some(Shown { dataset: self.shown.get(), file, notices, rules_off })
    }

    /// Back to the published data: a read under way is dropped.
    pub fn close(self) {
        self.next_read();
        self.local.set(None);
        self.question.set(None);
    }

    pub fn open(self, file: web_sys::File) {
        let Some(base) = self.base.get_untracked() else { return };
        if let Err(e) = self.ensure_key() {
            return self.file_error.set(Some(e));
        }
        self.progress.set(Some(0.0));
        self.file_error.set(None);
        self.question.set(None);
        let this = self.next_read();
        spawn_local(async move {
            let name = file.name();
            let read = match local_file::bytes(&file).await {
                Ok(bytes) => local_file::read(&bytes, &name, base, crate::columns::remembered, |p| self.progress.set(Some(p))).await,
                Err(e) => Err(e),
            };
            match read {
                Ok(Opened::Ask(proposal)) if self.reads.get_value() == this => {
                    self.progress.set(None);
                    self.question.set(Some(Arc::new(proposal)));
                }
                Ok(Opened::Ask(_)) => {}
                Ok(Opened::Read(parsed)) => self.done(this, Ok(parsed)),
                Err(e) => self.done(this, Err(e)),
            }
        });
    }

    /// The records file waiting for the user's answer about its columns.
    pub fn question(self) -> Option<Arc<Proposal>> {
        self.question.get()
    }

    /// The user's answer: the mapping to read it by, or None (not read; the data shown stays).
    pub fn answer(self, mapping: Option<Mapping>) {
        let Some(proposal) = self.question.get_untracked() else { return };
        self.question.set(None);
        let (Some(mapping), Some(base)) = (mapping, self.base.get_untracked()) else { return };
        crate::columns::remember(&proposal.preview.header, &mapping);
        self.progress.set(Some(0.0));
        let this = self.next_read();
        spawn_local(async move {
            let read = local_file::read_mapped(&proposal, &mapping, &base, |p| self.progress.set(Some(p))).await;
            self.done(this, read);
        });
    }

    /// Turns the cell-key method on (true) or off for a records file.
    pub fn set_rules(self, on: bool) {
        self.local.update(|l| {
            if let Some(l) = l {
                l.rules_off = !on;
            }
        })
    }

    pub fn secret(self) -> Option<SecretKey> {
        self.secret.get_untracked()
    }

    /// Uses (and keeps) another key: one the user opened.
    pub fn set_key(self, key: SecretKey) {
        crate::secret_key::store(&key);
        self.secret.set(Some(key));
    }

    fn next_read(self) -> u32 {
        self.reads.update_value(|n| *n += 1);
        self.reads.get_value()
    }

    /// A read's end: the file shown, or its error beside the data already shown.
    fn done(self, this: u32, read: Result<Parsed<LocalFile>, DataError>) {
        if self.reads.get_value() != this {
            return;
        }
        self.progress.set(None);
        match read {
            Ok(parsed) => self.local.set(Some(Local { file: Arc::new(parsed.value), notices: parsed.notices, rules_off: false })),
            Err(e) => self.file_error.set(Some(e)),
        }
    }

    /// The key for the first file: the browser's stored one, else a new one.
    fn ensure_key(self) -> Result<(), DataError> {
        if self.secret.with_untracked(Option::is_none) {
            self.secret.set(Some(crate::secret_key::stored_or_new()?));
        }
        Ok(())
    }
}

/// A local file as shown: under the cell-key method unless the user turned it off.
fn local_dataset(l: &Local, base: &Dataset, key: Option<&SecretKey>) -> Option<Arc<Dataset>> {
    let key = if l.rules_off { None } else { Some(key?) };
    let mut shown = Dataset::local(&l.file.name, &l.file.cube, base, key);
    // How periods came from dates and landsdelen from gemeenten is said beside every view, as on
    // the publishable cube.
    shown.manifest.notes.extend(l.file.mapping.as_ref().map(Mapping::notes).unwrap_or_default());
    Some(Arc::new(shown))
}
