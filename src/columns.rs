//! "Welke kolom is wat?": a records file with columns of its own (an export, a colleague's
//! workbook) is read only after the user has said which column is which. The proposal comes from
//! the column names (`lta_core::Mapping`); the choice is remembered in the browser for files with
//! the same header and goes into the publishable cube's manifest. A modal `<dialog>`: the
//! browser keeps the focus inside it, and Escape cancels.

use std::sync::Arc;

use leptos::html::Dialog;
use leptos::prelude::*;
use lta_core::{AmountStyle, ColumnWord, Lang, Mapping, PeriodRule, Role};

use crate::local_file::Proposal;

const STORAGE: &str = "lta-kolommen:";

fn storage_key(header: &[String]) -> String {
    format!("{STORAGE}{}", header.join("\u{1f}"))
}

/// The mapping the user chose before for a file with this header.
pub fn remembered(header: &[String]) -> Option<Mapping> {
    let text = crate::storage::local()?.get_item(&storage_key(header)).ok()??;
    Mapping::from_manifest(text.as_bytes(), STORAGE).ok()?
}

/// Keeps the mapping for the next file with this header.
pub fn remember(header: &[String], mapping: &Mapping) {
    if let Some(s) = crate::storage::local() {
        let _ = s.set_item(&storage_key(header), &mapping.to_json());
    }
}

#[component]
pub fn ColumnsDialog(proposal: Arc<Proposal>, answer: Callback<Option<Mapping>>) -> impl IntoView {
    let lang = expect_context::<Signal<Lang>>();
    let w = move |word: ColumnWord| word.get(lang.get());
    let mapping = RwSignal::new(proposal.mapping.clone());
    // A product line the user is still writing (no `=`): reading waits for it.
    let bad_line = RwSignal::new(None::<String>);
    let dialog = NodeRef::<Dialog>::new();
    // Opened as a modal once it is in the page (a DOM call, no state).
    Effect::new(move || {
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    });
    let header = proposal.preview.header.clone();
    let missing = Memo::new(move |_| mapping.with(|m| m.missing(&header)));
    let rows = proposal.preview.header.iter().enumerate().map(|(i, h)| {
        let values: Vec<String> = proposal.preview.rows.iter().filter_map(|r| r.get(i).cloned()).collect();
        view! { <ColumnRow header=h.clone() values=values mapping=mapping/> }
    });
    let notes = (proposal.encoding == lta_core::Encoding::Windows1252).then(|| view! { <p>{move || w(ColumnWord::WasWindows1252)}</p> });
    let remembered = proposal.remembered.then(|| view! { <p>{move || w(ColumnWord::ColumnsRemembered)}</p> });
    view! {
        <dialog class="columns" node_ref=dialog aria-labelledby="columns-title" on:close=move |_| answer.run(None)>
            <h2 id="columns-title">{move || w(ColumnWord::ColumnsTitle)}" — "{proposal.name.clone()}</h2>
            <p>{move || w(ColumnWord::ColumnsIntro)}</p>
            {notes}
            {remembered}
            <table>
                <thead><tr><th scope="col">{move || w(ColumnWord::ColumnHeader)}</th><th scope="col">{move || w(ColumnWord::ColumnValues)}</th><th scope="col">{move || w(ColumnWord::ColumnRole)}</th></tr></thead>
                <tbody>{rows.collect_view()}</tbody>
            </table>
            <ReadingOptions mapping=mapping bad_line=bad_line/>
            <p class="missing" role="status">{move || {
                let m = missing.get();
                let missing = (!m.is_empty()).then(|| format!("{}: {}", w(ColumnWord::MissingRoles), ColumnWord::missing(&m, lang.get())));
                let bad = bad_line.get().map(|l| format!("{}: ‘{l}’", w(ColumnWord::ProductLineBad)));
                [missing, bad].into_iter().flatten().collect::<Vec<_>>().join(". ")
            }}</p>
            <div class="buttons">
                <button class="tool" disabled=move || !missing.with(Vec::is_empty) || bad_line.with(Option::is_some) on:click=move |_| answer.run(Some(mapping.get_untracked()))>{move || w(ColumnWord::ReadWithMapping)}</button>
                <button class="tool" on:click=move |_| answer.run(None)>{move || w(ColumnWord::CancelMapping)}</button>
            </div>
        </dialog>
    }
}

/// One column: its name, first values and a choice of what it holds. Choosing a role another
/// column had takes it from that column (each role is read from one column).
#[component]
fn ColumnRow(header: String, values: Vec<String>, mapping: RwSignal<Mapping>) -> impl IntoView {
    let lang = expect_context::<Signal<Lang>>();
    let id = format!("kolom-{}", header.bytes().map(|b| format!("{b:02x}")).collect::<String>());
    let (h, h2) = (header.clone(), header.clone());
    let role = Memo::new(move |_| mapping.with(|m| m.role_of(&h)));
    let choose = move |ev: leptos::ev::Event| {
        let chosen = Role::parse(&event_target_value(&ev));
        mapping.update(|m| {
            m.columns.retain(|(c, r)| *c != h2 && Some(*r) != chosen);
            if let Some(r) = chosen {
                m.columns.push((h2.clone(), r));
            }
        });
    };
    let options = move || {
        let lang = lang.get();
        let none = view! { <option value="" selected=move || role.get().is_none()>{ColumnWord::RoleNone.get(lang)}</option> };
        let each = Role::ALL.iter().map(move |&r| view! { <option value=r.code() selected=move || role.get() == Some(r)>{ColumnWord::role(r).get(lang)}</option> });
        view! { {none}{each.collect_view()} }
    };
    view! {
        <tr>
            <th scope="row"><label for=id.clone()>{header}</label></th>
            <td class="values">{values.join(" · ")}</td>
            <td><select id=id on:change=choose>{options}</select></td>
        </tr>
    }
}

/// How amounts are written, which period a date falls in, and the product codes' percelen.
#[component]
fn ReadingOptions(mapping: RwSignal<Mapping>, bad_line: RwSignal<Option<String>>) -> impl IntoView {
    let lang = expect_context::<Signal<Lang>>();
    let w = move |word: ColumnWord| word.get(lang.get());
    let amounts = move || {
        let now = mapping.with(|m| m.amounts);
        AmountStyle::ALL.iter().map(|&s| view! { <option value=s.code() selected=now == s>{w(ColumnWord::amounts(s))}</option> }).collect_view()
    };
    let periods = move || {
        let now = mapping.with(|m| m.periods);
        PeriodRule::ALL.iter().map(|&r| view! { <option value=r.code() selected=now == r>{w(ColumnWord::period(r))}</option> }).collect_view()
    };
    let set_amounts = move |ev| mapping.update(|m| m.amounts = AmountStyle::parse(&event_target_value(&ev)).unwrap_or_default());
    let set_periods = move |ev| mapping.update(|m| m.periods = PeriodRule::parse(&event_target_value(&ev)).unwrap_or_default());
    let products = move || {
        mapping.with(|m| m.columns.iter().any(|c| c.1 == Role::Productcode)).then(|| {
            let lines = mapping.with_untracked(Mapping::product_lines);
            let set = move |ev| match Mapping::products_from_lines(&event_target_value(&ev)) {
                Ok(p) => {
                    bad_line.set(None);
                    mapping.update(|m| m.products = p);
                }
                Err(line) => bad_line.set(Some(line)),
            };
            view! { <label class="field products"><span>{move || w(ColumnWord::ProductsLabel)}</span><textarea rows="4" on:input=set>{lines}</textarea></label> }
        })
    };
    let dates = move || mapping.with(Mapping::periods_from_dates);
    view! {
        <div class="reading-options">
            <label class="field"><span>{move || w(ColumnWord::AmountsLabel)}</span><select on:change=set_amounts>{amounts}</select></label>
            <label class="field" class:hidden=move || !dates()><span>{move || w(ColumnWord::PeriodsLabel)}</span><select on:change=set_periods>{periods}</select></label>
            {products}
        </div>
    }
}
