//! Which column of a file is which: the roles a records reader needs, recognised from the usual
//! Dutch and English header names, and the user's choice written as a manifest's `kolommen` and
//! `invoer` (the CLI reads them from the folder's `manifest.json`).

use crate::model::error::{DataError, ErrorKind};
use crate::read::import::{key, AmountStyle, PeriodRule};
use crate::model::json::{Json, JsonError};
use crate::model::json_write::JsonOut;
use crate::model::manifest::{Localized, Note};

macro_rules! roles {
    ($($(#[$doc:meta])* $name:ident => $code:literal, [$($alias:literal),*];)*) => {
        /// What a column holds.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Role { $($(#[$doc])* $name,)* }

        impl Role {
            /// Every role, in the order a user is offered them.
            pub const ALL: &'static [Role] = &[$(Role::$name,)*];

            /// The name in a manifest's `kolommen` (the dashboard's own column name where it has one).
            pub fn code(self) -> &'static str {
                match self { $(Role::$name => $code,)* }
            }

            /// Header names that mean this role, folded ([`key`]).
            fn aliases(self) -> &'static [&'static str] {
                match self { $(Role::$name => &[$($alias),*],)* }
            }
        }
    };
}

roles! {
    /// The youth's (pseudonymised) number: one youth, however many rows.
    Client => "client", ["client", "clientnummer", "clientnr", "clientid", "bsn", "jeugdige", "jeugdigenummer", "jeugdigeid", "pseudoniem", "pseudoid", "clientpseudoniem", "clientnumber"];
    /// A period code (`2023-H1`).
    Periode => "periode", ["periode", "period", "periodecode"];
    /// The date the period is taken from (the begin date of a trajectory or declaration line).
    Begindatum => "begindatum", ["begindatum", "startdatum", "ingangsdatum", "datumbegin", "datumstart", "aanvangsdatum", "begindate", "startdate", "datum", "date", "productbegindatum", "begindatumproduct", "begindatumproductperiode"];
    /// The end date (read by no view yet; kept for durations).
    Einddatum => "einddatum", ["einddatum", "datumeinde", "datumeind", "enddate", "producteinddatum", "einddatumproduct", "einddatumproductperiode"];
    /// One of the 8 landsdelen.
    Landsdeel => "landsdeel", ["landsdeel", "landsdeelben", "ben"];
    /// A jeugdregio (`JZ13` or its name).
    Jeugdregio => "jeugdregio", ["jeugdregio", "jeugdregiocode", "jeugdzorgregio", "regio", "jeugdregionaam"];
    /// A gemeente (`GM0363`, `0363`, `363` or its name).
    Gemeente => "gemeente", ["gemeente", "gemeentecode", "gemeentenaam", "gemeentenummer", "woongemeente", "ontvanger", "ontvangercode", "municipality", "gmcode"];
    /// A perceel code or label of the dataset.
    Perceel => "perceel", ["perceel", "perceelcode", "lot"];
    /// The user's own product code, mapped to a perceel.
    Productcode => "productcode", ["productcode", "product", "productnummer", "productcodeijw"];
    /// The referrer: a code or label, or an iJw/CBS code 01–08.
    Verwijzer => "verwijzer", ["verwijzer", "verwijzercode", "verwijzertype", "typeverwijzer", "soortverwijzer", "referrer", "verwijzing"];
    /// The provider (AGB code or name; read by no view yet).
    Aanbieder => "aanbieder", ["aanbieder", "aanbiedercode", "aanbiedernaam", "agb", "agbcode", "zorgaanbieder", "provider", "afzender"];
    /// The amount in euros (or cents).
    Bedrag => "volume_eur", ["volumeeur", "bedrag", "ingediendbedrag", "kosten", "volume", "amount", "declaratiebedrag", "totaalbedrag", "bedragineuro", "bedrageur", "bedragincenten"];
    /// Debit or credit (`D`/`C`): a credit line counts negative.
    DebetCredit => "debet_credit", ["debetcredit", "dc", "debitcredit", "indicatiedebetcredit", "debetofcredit"];
}

impl Role {
    /// The role named `code` in a manifest.
    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.iter().copied().find(|r| r.code() == code)
    }

    /// The role a header name stands for.
    ///
    /// ```
    /// use lta_core::Role;
    /// assert_eq!(Role::recognise("Cliëntnummer"), Some(Role::Client));
    /// assert_eq!(Role::recognise("Ingediend bedrag"), Some(Role::Bedrag));
    /// assert_eq!(Role::recognise("AGB-code"), Some(Role::Aanbieder));
    /// assert_eq!(Role::recognise("Opmerking"), None);
    /// ```
    pub fn recognise(header: &str) -> Option<Role> {
        let k = key(header);
        Role::ALL.iter().copied().find(|r| r.aliases().iter().any(|a| a.eq_ignore_ascii_case(&k)))
    }
}

/// How to read a records file: each column's role, and how amounts and dates are written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mapping {
    /// Header names (trimmed, lower case, as the reader sees them) with their role; a column not
    /// listed is not read.
    pub columns: Vec<(String, Role)>,
    /// How the amount column writes its amounts.
    pub amounts: AmountStyle,
    /// Which period a date falls in, where periods come from dates.
    pub periods: PeriodRule,
    /// The user's product codes with the perceel each stands for.
    pub products: Vec<(String, String)>,
}

/// Where the reader takes each part of a record from: column indices in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sources {
    pub client: usize,
    pub period: (usize, bool),
    pub region: (usize, Role),
    /// A landsdeel column beside a finer region column: checked against it.
    pub landsdeel: Option<usize>,
    pub perceel: (usize, bool),
    pub verwijzer: usize,
    pub amount: usize,
    pub debit_credit: Option<usize>,
    /// The begin date, end date and provider, where the file has them.
    pub begin: Option<usize>,
    pub end: Option<usize>,
    pub provider: Option<usize>,
}

impl Sources {
    /// The six columns a record is read from, in the order of `records::RECORD_COLUMNS`.
    pub fn columns(&self) -> [usize; 6] {
        [self.client, self.period.0, self.region.0, self.perceel.0, self.verwijzer, self.amount]
    }
}

impl Mapping {
    /// The mapping a header suggests: every column whose name is known, each role once (the
    /// first column claiming it), amounts in the style the first rows show.
    ///
    /// ```
    /// use lta_core::{AmountStyle, Mapping, Role};
    /// let header: Vec<String> = ["cliëntnummer", "begindatum", "gemeentecode", "perceel", "verwijzer", "bedrag"].map(String::from).into();
    /// let m = Mapping::propose(&header, &[vec!["1", "05-04-2023", "0363", "P1", "02", "€ 1.234,56"]], b';');
    /// assert_eq!(m.role_of("gemeentecode"), Some(Role::Gemeente));
    /// assert_eq!(m.amounts, AmountStyle::Dutch);
    /// assert!(m.missing(&header).is_empty());
    /// ```
    pub fn propose(header: &[String], samples: &[Vec<&str>], delimiter: u8) -> Mapping {
        let mut columns: Vec<(String, Role)> = Vec::new();
        for h in header {
            if let Some(role) = Role::recognise(h).filter(|r| !columns.iter().any(|(_, c)| c == r)) {
                columns.push((h.clone(), role));
            }
        }
        let mut m = Mapping { columns, ..Mapping::default() };
        if let Some(i) = m.column_of(header, Role::Bedrag) {
            let values: Vec<&str> = samples.iter().filter_map(|row| row.get(i).copied()).collect();
            m.amounts = if key(&header[i]).contains("cent") { AmountStyle::Cents } else { AmountStyle::propose(&values, delimiter) };
        }
        m
    }

    /// The role of a column, if it has one.
    pub fn role_of(&self, header: &str) -> Option<Role> {
        self.columns.iter().find(|(h, _)| key(h) == key(header)).map(|&(_, r)| r)
    }

    /// The first column of `header` that has `role`.
    pub fn column_of(&self, header: &[String], role: Role) -> Option<usize> {
        header.iter().position(|h| self.role_of(h) == Some(role))
    }

    /// Whether the mapping reads the file as the dashboard's own records format would: then no
    /// one needs to be asked.
    pub fn is_plain(&self) -> bool {
        let own = [Role::Client, Role::Periode, Role::Perceel, Role::Verwijzer, Role::Bedrag];
        // The region is a landsdeel, jeugdregio or gemeente; the others are optional. All under
        // their own names.
        let regions = [Role::Landsdeel, Role::Jeugdregio, Role::Gemeente];
        let optional = [Role::Begindatum, Role::Einddatum, Role::Aanbieder];
        let has = |r: Role| self.columns.iter().any(|c| c.1 == r);
        self.columns.iter().all(|(h, r)| (own.contains(r) || regions.contains(r) || optional.contains(r)) && h == r.code())
            && own.iter().all(|&r| has(r))
            && regions.iter().any(|&r| has(r))
    }

    /// The roles that are still missing, as the names a user reads (`periode|begindatum`).
    pub fn missing(&self, header: &[String]) -> Vec<&'static str> {
        let has = |r| self.column_of(header, r).is_some();
        let mut out = Vec::new();
        for any in [&[Role::Client][..], &[Role::Periode, Role::Begindatum], &[Role::Landsdeel, Role::Jeugdregio, Role::Gemeente], &[Role::Perceel, Role::Productcode], &[Role::Verwijzer], &[Role::Bedrag]] {
            if !any.iter().any(|&r| has(r)) {
                out.push(match any[0] {
                    Role::Periode => "periode|begindatum",
                    Role::Landsdeel => "landsdeel|jeugdregio|gemeente",
                    Role::Perceel => "perceel|productcode",
                    r => r.code(),
                });
            }
        }
        out
    }

    /// Where each part of a record comes from, or a missing-column error naming the role.
    pub(crate) fn sources(&self, header: &[String], file: &str) -> Result<Sources, DataError> {
        if let Some(&missing) = self.missing(header).first() {
            return Err(DataError::new(ErrorKind::MissingColumn, file).at_line(1).in_cell(missing, ""));
        }
        let col = |r| self.column_of(header, r);
        let first = |roles: &[Role]| roles.iter().find_map(|&r| Some((col(r)?, r))).unwrap_or((0, roles[0]));
        let (period, p) = first(&[Role::Periode, Role::Begindatum]);
        let (perceel, q) = first(&[Role::Perceel, Role::Productcode]);
        Ok(Sources {
            client: col(Role::Client).unwrap_or(0),
            period: (period, p == Role::Begindatum),
            // The finest region the file has: its gemeenten and jeugdregio's are kept.
            region: first(&[Role::Gemeente, Role::Jeugdregio, Role::Landsdeel]),
            landsdeel: col(Role::Landsdeel).filter(|_| col(Role::Gemeente).or(col(Role::Jeugdregio)).is_some()),
            perceel: (perceel, q == Role::Productcode),
            verwijzer: col(Role::Verwijzer).unwrap_or(0),
            amount: col(Role::Bedrag).unwrap_or(0),
            debit_credit: col(Role::DebetCredit),
            begin: col(Role::Begindatum),
            end: col(Role::Einddatum),
            provider: col(Role::Aanbieder),
        })
    }

    /// Whether periods come from dates (a date column and no period column).
    pub fn periods_from_dates(&self) -> bool {
        let has = |role| self.columns.iter().any(|c| c.1 == role);
        has(Role::Begindatum) && !has(Role::Periode)
    }

    /// The notes a dataset read by this mapping carries: how a record's period was chosen where
    /// it came from a date, and where landsdelen came from gemeenten or jeugdregio's, from which
    /// table (with the credit it asks for).
    pub fn notes(&self) -> Vec<Note> {
        let has = |role| self.columns.iter().any(|c| c.1 == role);
        let note = |id: &str, nl: String, en: String| Note { id: id.into(), views: Vec::new(), general: false, text: Localized { nl, en } };
        let mut out = Vec::new();
        if self.periods_from_dates() {
            let (nl, en) = match self.periods {
                PeriodRule::HalfYear => ("het halfjaar", "the half-year"),
                PeriodRule::Quarter => ("het kwartaal", "the quarter"),
                PeriodRule::Year => ("het jaar", "the year"),
            };
            out.push(note(
                "perioden-uit-datum",
                format!("De periode van elk record is {nl} van zijn begindatum; een traject dat over de grens van een periode loopt, telt in de periode waarin het begon."),
                format!("Each record's period is {en} of its begin date; a trajectory that runs across the end of a period counts in the period it began."),
            ));
        }
        if !has(Role::Landsdeel) && (has(Role::Gemeente) || has(Role::Jeugdregio)) {
            out.push(note(
                "landsdeel-uit-gemeente",
                format!("Het landsdeel van elk record komt uit zijn gemeente of jeugdregio: het landsdeel is de groep jeugdregio's van een BEN, niet de provincie (Zeewolde, Veenendaal, Rhenen, Renswoude en Mook en Middelaar horen bij Gelderland). {}.", crate::read::import::REGIONS_CREDIT),
                format!("Each record's landsdeel comes from its gemeente or jeugdregio: a landsdeel is the group of jeugdregio's a BEN covers, not the province (Zeewolde, Veenendaal, Rhenen, Renswoude and Mook en Middelaar belong to Gelderland). {}.", crate::read::import::REGIONS_CREDIT),
            ));
        }
        out
    }

    /// The perceel a product code stands for, as the user mapped it.
    pub fn product(&self, code: &str) -> Option<&str> {
        self.products.iter().find(|(p, _)| p == code.trim()).map(|(_, perceel)| perceel.as_str())
    }

    /// The mapping in a manifest (`kolommen`, with `invoer`), if it has one.
    ///
    /// ```
    /// use lta_core::{AmountStyle, Mapping, Role};
    /// let json = br#"{"id": "x", "kolommen": {"Clientnr": "client", "Kosten": "volume_eur"}, "invoer": {"bedragen": "centen", "perioden": "kwartaal", "producten": {"54001": "TKGGZ"}}}"#;
    /// let m = Mapping::from_manifest(json, "manifest.json").unwrap().unwrap();
    /// assert_eq!((m.role_of("kosten"), m.amounts, m.product("54001")), (Some(Role::Bedrag), AmountStyle::Cents, Some("TKGGZ")));
    /// assert_eq!(Mapping::from_manifest(&m.to_manifest_json(br#"{"id": "x"}"#).unwrap().into_bytes(), "m").unwrap(), Some(m.clone()));
    /// assert_eq!(Mapping::from_manifest(m.to_json().as_bytes(), "m").unwrap(), Some(m));
    /// ```
    pub fn from_manifest(bytes: &[u8], file: &str) -> Result<Option<Mapping>, DataError> {
        let bad = |e: JsonError| DataError::new(ErrorKind::BadJson { detail: e.detail }, file).at_line(e.line).in_cell(&e.column.to_string(), "");
        let json = crate::model::json::parse_json(bytes).map_err(bad)?;
        Self::from_json(&json).map_err(bad)
    }

    fn from_json(j: &Json) -> Result<Option<Mapping>, JsonError> {
        let f = j.object()?;
        let Some(columns) = f.get("kolommen") else { return Ok(None) };
        let mut m = Mapping::default();
        for (header, role) in columns.object()?.members {
            let code = role.string()?;
            let r = Role::parse(&code).ok_or_else(|| role.error(&format!("unknown role `{code}` (expected one of {})", Role::ALL.iter().map(|r| r.code()).collect::<Vec<_>>().join(", "))))?;
            m.columns.push((header.trim().to_lowercase(), r));
        }
        if let Some(options) = f.get("invoer") {
            let o = options.object()?;
            if let Some(a) = o.get("bedragen") {
                m.amounts = AmountStyle::parse(&a.string()?).ok_or_else(|| a.error("expected `standaard`, `nl`, `en` or `centen`"))?;
            }
            if let Some(p) = o.get("perioden") {
                m.periods = PeriodRule::parse(&p.string()?).ok_or_else(|| p.error("expected `halfjaar`, `kwartaal` or `jaar`"))?;
            }
            if let Some(products) = o.get("producten") {
                for (code, perceel) in products.object()?.members {
                    m.products.push((code.trim().to_string(), perceel.string()?));
                }
            }
        }
        Ok(Some(m))
    }

    /// The mapping as a JSON object with `kolommen` and `invoer`, as a manifest holds them (and
    /// as the browser remembers it): written by hand, so the app links no JSON writer for it.
    pub fn to_json(&self) -> String {
        let s = |t: &str| JsonOut::Str(t.to_string()).to_text();
        let pairs = |list: Vec<(&str, &str)>| list.iter().map(|(k, v)| format!("{}: {}", s(k), s(v))).collect::<Vec<_>>().join(", ");
        let columns = pairs(self.columns.iter().map(|(h, r)| (h.as_str(), r.code())).collect());
        let products = pairs(self.products.iter().map(|(p, q)| (p.as_str(), q.as_str())).collect());
        format!(
            r#"{{"kolommen": {{{columns}}}, "invoer": {{"bedragen": {}, "perioden": {}, "producten": {{{products}}}}}}}"#,
            s(self.amounts.code()),
            s(self.periods.code())
        )
    }

    /// A manifest with this mapping written in (`kolommen` and `invoer` replaced).
    pub fn to_manifest_json(&self, manifest: &[u8]) -> Result<String, serde_json::Error> {
        let mut json: serde_json::Value = serde_json::from_slice(manifest)?;
        let own: serde_json::Value = serde_json::from_str(&self.to_json())?;
        if let (Some(obj), Some(own)) = (json.as_object_mut(), own.as_object()) {
            for (k, v) in own {
                obj.insert(k.clone(), v.clone());
            }
        }
        serde_json::to_string_pretty(&json).map(|s| s + "\n")
    }

    /// The user's product lines (`54001 = TKGGZ`, one per line) as the mapping's products; a line
    /// without `=` is an error naming it.
    ///
    /// ```
    /// use lta_core::Mapping;
    /// assert_eq!(Mapping::products_from_lines("54001 = TKGGZ\n\n54002=UMC"), Ok(vec![("54001".into(), "TKGGZ".into()), ("54002".into(), "UMC".into())]));
    /// assert_eq!(Mapping::products_from_lines("54001 TKGGZ"), Err("54001 TKGGZ".to_string()));
    /// ```
    pub fn products_from_lines(text: &str) -> Result<Vec<(String, String)>, String> {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| match l.split_once('=') {
                Some((p, q)) if !p.trim().is_empty() && !q.trim().is_empty() => Ok((p.trim().to_string(), q.trim().to_string())),
                _ => Err(l.trim().to_string()),
            })
            .collect()
    }

    /// The products as the lines a user edits.
    pub fn product_lines(&self) -> String {
        self.products.iter().map(|(p, q)| format!("{p} = {q}\n")).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_lowercase()).collect()
    }

    #[test]
    fn the_dashboards_own_header_is_plain() {
        let h = header(&["client", "periode", "landsdeel", "perceel", "verwijzer", "volume_eur", "aanbieder"]);
        let m = Mapping::propose(&h, &[], b',');
        assert!(m.is_plain() && m.missing(&h).is_empty());
        let h = header(&["Cliëntnummer", "Periode", "Landsdeel", "Perceel", "Verwijzer", "Bedrag"]);
        assert!(!Mapping::propose(&h, &[], b';').is_plain());
    }

    #[test]
    fn a_declaration_export_header() {
        let h = header(&["Cliëntnummer", "Gemeentecode", "Productcode", "Begindatum", "Einddatum", "Ingediend bedrag", "Debet/Credit", "AGB-code", "Verwijzer"]);
        let m = Mapping::propose(&h, &[], b';');
        let s = m.sources(&h, "r.csv").unwrap();
        assert_eq!((s.client, s.period, s.region, s.perceel, s.amount, s.debit_credit), (0, (3, true), (1, Role::Gemeente), (2, true), 5, Some(6)));
    }

    #[test]
    fn a_missing_role_is_named() {
        let h = header(&["Clientnr", "Datum", "Bedrag", "Verwijzer", "Perceel"]);
        let e = Mapping::propose(&h, &[], b',').sources(&h, "r.csv").unwrap_err();
        assert_eq!((e.kind, e.position.column.as_deref()), (ErrorKind::MissingColumn, Some("landsdeel|jeugdregio|gemeente")));
    }

    #[test]
    fn every_alias_is_folded_and_claimed_once() {
        for r in Role::ALL {
            for a in r.aliases() {
                assert_eq!(Role::recognise(a), Some(*r), "{a}");
            }
        }
    }
}
