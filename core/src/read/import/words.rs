//! The texts of the column dialog, NL and EN: a table of its own, which only the full app links
//! (the first visit's text table stays as it was).

use crate::texts::i18n::{texts, Lang};
use crate::read::import::{AmountStyle, PeriodRule, Role};

texts! { ColumnWord;
    ColumnsTitle => "Welke kolom is wat?", "Which column is what?";
    ColumnsIntro => "Dit bestand heeft niet de kolommen van het dashboard. Kies per kolom wat erin staat; het voorstel komt uit de kolomnamen en de eerste waarden. Het bestand blijft in uw browser.", "This file does not have the dashboard's columns. Choose what each column holds; the proposal comes from the column names and the first values. The file stays in your browser.";
    ColumnsRemembered => "Voorgesteld: de keuze die u eerder maakte voor een bestand met deze kolommen.", "Proposed: the choice you made before for a file with these columns.";
    ColumnHeader => "Kolom", "Column";
    ColumnValues => "Eerste waarden", "First values";
    ColumnRole => "Betekenis", "Meaning";
    RoleNone => "niet gebruiken", "do not use";
    RoleClient => "jeugdige (cliëntnummer)", "youth (client number)";
    RolePeriode => "periode (2023-H1)", "period (2023-H1)";
    RoleBegindatum => "begindatum (de periode komt hieruit)", "begin date (gives the period)";
    RoleEinddatum => "einddatum", "end date";
    RoleLandsdeel => "landsdeel", "landsdeel";
    RoleJeugdregio => "jeugdregio", "youth-care region (jeugdregio)";
    RoleGemeente => "gemeente (code of naam)", "municipality (code or name)";
    RolePerceel => "perceel", "lot (perceel)";
    RoleProductcode => "productcode (naar perceel, zie onder)", "product code (to a perceel, see below)";
    RoleVerwijzer => "verwijzer (ook code 01–08)", "referrer (also code 01–08)";
    RoleAanbieder => "aanbieder (AGB)", "provider (AGB)";
    RoleBedrag => "bedrag", "amount";
    RoleDebetCredit => "debet/credit (C telt negatief)", "debit/credit (C counts negative)";
    AmountsLabel => "Bedragen", "Amounts";
    AmountsPlain => "zoals het dashboard (1234,56 of 1234.56)", "as the dashboard (1234.56)";
    AmountsDutch => "Nederlands (€ 1.234,56)", "Dutch (€ 1.234,56)";
    AmountsEnglish => "Engels (€1,234.56)", "English (€1,234.56)";
    AmountsCents => "in centen (123456 = € 1.234,56)", "in cents (123456 = € 1,234.56)";
    PeriodsLabel => "Periode uit de begindatum", "Period from the begin date";
    PeriodHalfYear => "halfjaar", "half-year";
    PeriodQuarter => "kwartaal", "quarter";
    PeriodYear => "jaar", "year";
    ProductsLabel => "Productcodes en hun perceel, één per regel: productcode = perceel", "Product codes and their perceel, one per line: product code = perceel";
    MissingRoles => "Nog nodig", "Still needed";
    ProductLineBad => "Deze regel is niet ‘productcode = perceel’", "This line is not ‘product code = perceel’";
    Or => "of", "or";
    ReadWithMapping => "Inlezen", "Read";
    CancelMapping => "Annuleren", "Cancel";
    WasWindows1252 => "Gelezen als Windows-1252 (geen UTF-8), zoals Excel op Windows CSV opslaat.", "Read as Windows-1252 (not UTF-8), as Excel on Windows saves CSV.";
}

impl ColumnWord {
    /// The words for a role.
    pub fn role(role: Role) -> ColumnWord {
        match role {
            Role::Client => ColumnWord::RoleClient,
            Role::Periode => ColumnWord::RolePeriode,
            Role::Begindatum => ColumnWord::RoleBegindatum,
            Role::Einddatum => ColumnWord::RoleEinddatum,
            Role::Landsdeel => ColumnWord::RoleLandsdeel,
            Role::Jeugdregio => ColumnWord::RoleJeugdregio,
            Role::Gemeente => ColumnWord::RoleGemeente,
            Role::Perceel => ColumnWord::RolePerceel,
            Role::Productcode => ColumnWord::RoleProductcode,
            Role::Verwijzer => ColumnWord::RoleVerwijzer,
            Role::Aanbieder => ColumnWord::RoleAanbieder,
            Role::Bedrag => ColumnWord::RoleBedrag,
            Role::DebetCredit => ColumnWord::RoleDebetCredit,
        }
    }

    /// The words for an amount style.
    pub fn amounts(style: AmountStyle) -> ColumnWord {
        match style {
            AmountStyle::Plain => ColumnWord::AmountsPlain,
            AmountStyle::Dutch => ColumnWord::AmountsDutch,
            AmountStyle::English => ColumnWord::AmountsEnglish,
            AmountStyle::Cents => ColumnWord::AmountsCents,
        }
    }

    /// The words for a period rule.
    pub fn period(rule: PeriodRule) -> ColumnWord {
        match rule {
            PeriodRule::HalfYear => ColumnWord::PeriodHalfYear,
            PeriodRule::Quarter => ColumnWord::PeriodQuarter,
            PeriodRule::Year => ColumnWord::PeriodYear,
        }
    }

    /// What is still missing (`Mapping::missing`) in words: `periode (2023-H1) of begindatum …`.
    pub fn missing(missing: &[&str], lang: Lang) -> String {
        let one = |any: &str| {
            let names: Vec<&str> = any.split('|').filter_map(Role::parse).map(|r| ColumnWord::role(r).get(lang)).collect();
            names.join(&format!(" {} ", ColumnWord::Or.get(lang)))
        };
        missing.iter().map(|m| one(m)).collect::<Vec<_>>().join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_in_both_languages() {
        for w in ColumnWord::ALL {
            assert!(!w.get(Lang::Nl).is_empty() && !w.get(Lang::En).is_empty(), "{w:?}");
        }
        assert_eq!(ColumnWord::missing(&["periode|begindatum"], Lang::En), "period (2023-H1) or begin date (gives the period)");
    }
}
