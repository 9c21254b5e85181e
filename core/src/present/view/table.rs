//! A view's table: columns with units, rows with a code and a label, the source's national row.

use crate::present::format::{self, Unit};
use crate::texts::i18n::{Lang, Text};
use crate::model::measure::Cell;

/// A column of a view table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// What it measures.
    pub title: Text,
    /// How its numbers are shown.
    pub unit: Unit,
    /// Whose figure it is, when a table sets areas side by side ("Zuid-West", "Nederland").
    pub of: Option<String>,
}

impl Column {
    /// A column of the table's own rows.
    pub fn new(title: Text, unit: Unit) -> Column {
        Column { title, unit, of: None }
    }

    /// A column of one area's figures.
    pub fn of(title: Text, unit: Unit, of: String) -> Column {
        Column { title, unit, of: Some(of) }
    }

    /// The heading: "Aandeel in euro’s" or "Aandeel in euro’s: Zuid-West".
    pub fn heading(&self, lang: Lang) -> String {
        match &self.of {
            Some(of) => format!("{}: {of}", self.title.get(lang)),
            None => self.title.get(lang).to_string(),
        }
    }
}

/// How a table orders its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// Largest first, by the first column with numbers.
    Largest,
    /// As given (periods in time order).
    AsGiven,
}

/// A row of a view table: a dimension value and one cell per column.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The code (landsdeel, perceel or referrer code; empty for the national row).
    pub code: String,
    /// The label in the current language.
    pub label: String,
    /// One cell per column.
    pub cells: Vec<Cell>,
}

/// A table as a view shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The heading of the first column (the dimension).
    pub dimension: Text,
    /// The measure columns that have at least one published value.
    pub columns: Vec<Column>,
    /// The rows, largest first.
    pub rows: Vec<Row>,
    /// The national row, as the data gives it (never a sum of the rows).
    pub total: Option<Row>,
    /// Columns left out because the data publishes none of their values.
    pub not_published: Vec<Column>,
    /// The code of the row the user chose, if any.
    pub selected: Option<String>,
}

impl Table {
    /// The index of a column.
    pub fn column(&self, title: Text) -> Option<usize> {
        self.columns.iter().position(|c| c.title == title)
    }

    /// A cell as text.
    pub fn text(&self, row: &Row, col: usize, lang: Lang) -> String {
        format::format_cell(row.cells[col], self.columns[col].unit, lang)
    }

    /// True when any shown cell is approximate (the view then explains ≈).
    pub fn has_approx(&self) -> bool {
        self.rows.iter().chain(&self.total).any(|r| r.cells.iter().any(|c| c.is_approx()))
    }

    /// The same table with rows ordered by one column, largest first (for its bar chart).
    /// A column the table does not have leaves the order as it is.
    pub fn sorted_by(&self, col: usize) -> Table {
        let mut t = self.clone();
        largest_first(&mut t.rows, col);
        t
    }

    /// True when the table has no column with numbers: the view then says so instead.
    pub fn is_empty(&self) -> bool {
        self.columns.is_empty() || self.rows.is_empty()
    }

    /// Builds a table from all candidate columns, dropping those whose rows publish nothing (a
    /// national total alone does not make a column worth showing), in the given order.
    pub(crate) fn build(
        dimension: Text,
        candidates: Vec<(Column, Vec<Cell>, Cell)>,
        keys: Vec<(String, String)>,
        order: Order,
    ) -> Table {
        let (shown, hidden): (Vec<_>, Vec<_>) = candidates
            .into_iter()
            .partition(|(_, cells, _)| cells.iter().any(|c| c.number().is_some()));
        let columns: Vec<Column> = shown.iter().map(|(c, _, _)| c.clone()).collect();
        let mut rows: Vec<Row> = keys
            .into_iter()
            .enumerate()
            .map(|(i, (code, label))| Row { code, label, cells: shown.iter().map(|(_, c, _)| c[i]).collect() })
            .collect();
        let sort_col = (0..columns.len()).find(|&c| rows.iter().any(|r| r.cells[c].number().is_some()));
        if let (Some(c), Order::Largest) = (sort_col, order) {
            largest_first(&mut rows, c);
        }
        let total = Row {
            code: String::new(),
            label: String::new(),
            cells: shown.iter().map(|(_, _, t)| *t).collect(),
        };
        Table {
            dimension,
            columns,
            rows,
            total: Some(total),
            not_published: hidden.into_iter().map(|(c, _, _)| c).collect(),
            selected: None,
        }
    }
}


impl Row {
    /// The number in a column for sorting: cells without one (and columns the row lacks) last.
    pub fn sort_value(&self, col: usize) -> f64 {
        self.cells.get(col).and_then(|c| c.number()).unwrap_or(f64::NEG_INFINITY)
    }
}

/// Orders rows by a column, largest first (stable: equal rows keep their order).
fn largest_first(rows: &mut [Row], col: usize) {
    crate::model::order::sort_by(rows, &|a, b| b.sort_value(col).total_cmp(&a.sort_value(col)));
}
