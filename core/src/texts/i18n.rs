//! Every text the user reads, in Dutch (first) and English. Views never hold literal text: they
//! ask for a [`Text`]. Imports nothing of the crate; errors and notices are put into words by
//! `message.rs`.

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Dutch, the default.
    #[default]
    Nl,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// Reads `nl` or `en`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A table of texts as an enum: `texts! { Text; Name => "nl", "en"; … }`. Also used for tables
/// that only the full app links (`import::words`), so the first visit does not carry them.
macro_rules! texts {
    ($text:ident; $($(#[$doc:meta])* $name:ident => $nl:literal, $en:literal;)*) => {
        /// A text of the interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $text { $($(#[$doc])* #[allow(missing_docs)] $name,)* }

        impl $text {
            /// Every text, for tests that check the table.
            pub const ALL: &'static [$text] = &[$($text::$name,)*];

            /// The text in one language. A table indexed by the text, not a `match`: the match
            /// compiled to 5 KB of wasm code (issue #11's byte budget).
            pub fn get(self, lang: Lang) -> &'static str {
                const TABLE: &[[&str; 2]] = &[$([$nl, $en],)*];
                // Every text has its row: the table is made from the same list as the enum.
                TABLE.get(self as usize).map_or("", |row| row[lang as usize])
            }
        }
    };
}

pub(crate) use texts;

texts! { Text;
    AppTitle => "LTA-dashboard", "LTA dashboard";
    AppSubtitle => "Gebruik van het Landelijk Transitiearrangement jeugdhulp", "Use of the national youth-care procurement (Landelijk Transitiearrangement)";
    SkipToContent => "Naar de inhoud", "Skip to content";
    MainNav => "Weergaven", "Views";
    Language => "Taal", "Language";
    OtherLanguage => "English", "Nederlands";
    OtherLanguageTag => "en", "nl";
    Dataset => "Dataset", "Dataset";
    Period => "Periode", "Period";
    DataChoice => "Gegevens", "Data";
    Loading => "Gegevens laden…", "Loading data…";
    ViewOverzicht => "Overzicht", "Overview";
    ViewLandsdelen => "Landsdelen", "Regions";
    ViewPercelen => "Percelen", "Lots";
    ViewVerwijzers => "Verwijzers", "Referrers";
    ViewProfiel => "Landsdeelprofiel", "Region profile";
    ViewTrend => "Trend", "Trend";
    ProfielIntro => "Eén landsdeel naast het landelijke beeld: percelen, verwijzers en kosten per jeugdige.", "One region beside the national picture: lots, referrers and cost per youth.";
    TrendIntro => "Het landelijke gebruik per jaar.", "National use per year.";
    ChooseLandsdeel => "Kies een landsdeel", "Choose a region";
    ProfilePercelen => "Aandeel van elk perceel in de euro’s", "Each lot’s share of the euros";
    ProfileVerwijzers => "Aandeel van elke verwijzer in de euro’s", "Each referrer’s share of the euros";
    ProfileEurosPerYouth => "Euro’s per jeugdige per perceel", "Euros per youth per lot";
    ProfileFigures => "Kerncijfers naast het landelijke cijfer", "Key figures beside the national figure";
    PerceelShares => "Aandeel van elk perceel in de euro’s, per landsdeel", "Each lot’s share of the euros, per region";
    BarEurosLandsdelen => "Volume in euro’s per landsdeel", "Volume in euros per region";
    MapOf => "Kaart", "Map";
    BarShareEurosLandsdelen => "Aandeel in de euro’s per landsdeel", "Share of the euros per region";
    BarEurosPerYouthLandsdelen => "Euro’s per jeugdige per landsdeel", "Euros per youth per region";
    BarShareTrajectories => "Aandeel in trajecten per verwijzer", "Share of trajectories per referrer";
    BarShareYouth => "Aandeel in unieke jeugdigen per verwijzer", "Share of unique youth per referrer";
    BarEurosPerTrajectory => "Euro’s per traject per verwijzer", "Euros per trajectory per referrer";
    BarTrend => "Volume in euro’s per jaar", "Volume in euros per year";
    NotInData => "Deze dataset bevat deze gegevens niet.", "This dataset does not contain these figures.";
    BenContext => "Expertisenetwerk in dit landsdeel", "Expert network in this region";
    StatusDefinitief => "definitief", "final";
    StatusVoorlopig => "voorlopig", "provisional";
    StatusIllustratief => "illustratief (synthetische gegevens)", "illustrative (synthetic data)";
    StatusLokaal => "lokaal bestand, alleen in uw browser", "local file, only in your browser";
    SyntheticBanner => "Illustratieve, synthetische gegevens: gemaakt om de weergaven te tonen, geen echte cijfers. Alleen de totalen van 2023 zijn gelijk aan de bron.", "Illustrative, synthetic data: made to show the views, not real figures. Only the 2023 totals equal the source.";
    SyntheticExport => "ILLUSTRATIEF – synthetische gegevens, geen echte cijfers", "ILLUSTRATIVE – synthetic data, not real figures";
    Selection => "Selectie", "Selection";
    Filters => "Filters", "Filters";
    RemoveFilter => "Filter verwijderen:", "Remove filter:";
    ChooseRow => "Kies", "Choose";
    ChartShows => "De grafiek toont", "The chart shows";
    ShowTable => "Toon tabel", "Show table";
    HideTable => "Verberg tabel", "Hide table";
    SortBy => "Sorteer op", "Sort by";
    Download => "Downloaden", "Download";
    DownloadCsv => "CSV (tabel)", "CSV (table)";
    DownloadPng => "PNG (afbeelding)", "PNG (image)";
    DownloadSvg => "SVG (vector)", "SVG (vector)";
    Embed => "Insluiten", "Embed";
    EmbedTitle => "Deze weergave insluiten op een andere website", "Embed this view on another website";
    EmbedHelp => "Plaats deze code in uw pagina. Het script past de hoogte van het frame aan de inhoud aan.", "Put this code in your page. The script fits the frame’s height to its content.";
    Close => "Sluiten", "Close";
    FullDashboard => "Open het volledige dashboard", "Open the full dashboard";
    NotesLink => "Toelichting en bron", "Notes and source";
    Watermark => "ILLUSTRATIEF – SYNTHETISCHE GEGEVENS", "ILLUSTRATIVE – SYNTHETIC DATA";
    SentenceNoData => "Voor deze keuze zijn geen cijfers gepubliceerd.", "No figures were published for this choice.";
    DisclosureRules => "Cell-key-methode toepassen (aantallen licht verstoord, hoogstens ±5, nooit 1 of 2; euro’s verstoord en afgerond op duizenden); uitzetten alleen voor eigen gebruik", "Apply the cell-key method (counts slightly perturbed, at most ±5, never 1 or 2; euros perturbed and rounded to thousands); turn off for your own use only";
    OpenFile => "Eigen bestand openen (CSV, Excel of ZIP)", "Open your own file (CSV, Excel or ZIP)";
    ErrBadKey => "is geen sleutelbestand van het LTA-dashboard (32 hexadecimale tekens)", "is not an LTA dashboard key file (32 hexadecimal digits)";
    OpenFileHelp => "Een kubus- of recordbestand (CSV, of Excel .xlsx of .ods met dezelfde kolommen), of een publiceerbare kubus (ZIP). Het blijft in uw browser: er wordt niets verstuurd. U kunt het bestand ook hierheen slepen.", "A cube or records file (CSV, or Excel .xlsx or .ods with the same columns), or a publishable cube (ZIP). It stays in your browser: nothing is sent. You can also drag the file here.";
    Reading => "Bestand lezen…", "Reading file…";
    Published => "Gepubliceerde datasets", "Published datasets";
    BackToPublished => "Terug naar gepubliceerde gegevens", "Back to published data";
    StatusLabel => "Status", "Status";
    NotPublished => "niet gepubliceerd", "not published";
    Secret => "geheim", "secret";
    ApproxLegend => "≈ = benaderd of afgeleid; zie de toelichting.", "≈ = approximate or derived; see the notes.";
    NotPublishedLegend => "‘niet gepubliceerd’: de bron geeft dit getal niet; het is geen 0.", "‘not published’: the source does not give this figure; it is not 0.";
    Source => "Bron", "Source";
    Notes => "Toelichting", "Notes";
    Disclosure => "Onthulling", "Disclosure";
    Licence => "Licentie", "Licence";
    MapCredit => "Grenzen: CBS/Kadaster, CBS Gebiedsindelingen 2025 (PDOK), CC BY 4.0", "Boundaries: CBS/Kadaster, CBS Gebiedsindelingen 2025 (PDOK), CC BY 4.0";
    Table => "Tabel", "Table";
    Chart => "Grafiek", "Chart";
    Landsdeel => "Landsdeel", "Region (landsdeel)";
    Perceel => "Perceel", "Lot (perceel)";
    Jeugdregio => "Jeugdregio", "Youth-care region";
    Gemeente => "Gemeente", "Municipality";
    Verwijzer => "Verwijzer", "Referrer";
    Nederland => "Nederland", "Netherlands";
    SelectionTotal => "Totaal van de selectie", "Total of the selection";
    UniqueYouth => "Unieke jeugdigen", "Unique youth";
    Trajectories => "Trajecten", "Trajectories";
    Euros => "Volume in euro’s", "Volume in euros";
    EurosPerYouth => "Euro’s per jeugdige", "Euros per youth";
    EurosPerTrajectory => "Euro’s per traject", "Euros per trajectory";
    TrajectoriesPerYouth => "Trajecten per jeugdige", "Trajectories per youth";
    Per1000Youth => "Per 1.000 jeugdigen", "Per 1,000 youth";
    AllYouth => "Alle jeugdigen (CBS)", "All youth (CBS)";
    ShareOfYouth => "Aandeel in unieke jeugdigen", "Share of unique youth";
    ShareOfEuros => "Aandeel in euro’s", "Share of euros";
    ShareOfTrajectories => "Aandeel in trajecten", "Share of trajectories";
    KeyFigures => "Kerncijfers", "Key figures";
    OverzichtIntro => "Hoeveel jeugdigen kregen zorg via het LTA, hoeveel trajecten waren dat en wat kostte het?", "How many young people received care through the LTA, how many trajectories was that, and what did it cost?";
    LandsdelenIntro => "Unieke jeugdigen met LTA-zorg per landsdeel (woonplaatsbeginsel), ook per 1.000 jeugdigen.", "Unique youth with LTA care per region (by registered residence), also per 1,000 youth.";
    PercelenIntro => "Jeugdigen, euro’s en trajecten per perceel (onderdeel van het contract).", "Youth, euros and trajectories per lot (part of the contract).";
    VerwijzersIntro => "Wie verwees de jeugdigen naar LTA-zorg?", "Who referred the young people to LTA care?";
    VerwijzersNotPublished => "De bron geeft de verdeling over verwijzers alleen in grafieken (figuur 4A–C), die niet als getallen beschikbaar zijn. Alleen de benaderde bedragen hieronder staan in de tekst van de bron.", "The source gives the split by referrer only in charts (figures 4A–C) that are not available as numbers. Only the approximate amounts below are in the source’s text.";
    MapTitle => "Kaart: unieke jeugdigen per 1.000 jeugdigen", "Map: unique youth per 1,000 youth";
    MapTitleCount => "Kaart: unieke jeugdigen", "Map: unique youth";
    BarLandsdelenTitle => "Per landsdeel", "Per region";
    BarPercelenTitle => "Per perceel", "Per lot";
    BarVerwijzersTitle => "Per verwijzer", "Per referrer";
    SumNote => "Unieke jeugdigen tellen niet altijd op: een jeugdige kan in meer rijen staan. Het totaal komt uit de bron.", "Unique youth do not always add up: one young person can be in several rows. The total is the source’s own.";
    Total => "Totaal", "Total";
    ErrorTitle => "De gegevens konden niet worden geladen", "The data could not be loaded";
    ErrorKept => "De gegevens die al getoond werden, blijven staan.", "The data already shown stays on screen.";
    ErrorFile => "bestand", "file";
    ErrorLine => "regel", "line";
    ErrorColumn => "kolom", "column";
    ErrorValue => "waarde", "value";
    ErrFetch => "kon niet worden opgehaald", "could not be fetched";
    ErrNoAnswer => "geen antwoord: offline?", "no answer: offline?";
    ErrUnreadable => "kon niet worden gelezen", "could not be read";
    /// The cell-key method in words; `disclosure::tests` checks the numbers against its constants.
    LocalDisclosed => "Waarden zijn licht verstoord met de cell-key-methode: elk aantal (trajecten, jeugdigen) ligt hoogstens ±5 van de echte waarde, 1 en 2 komen niet voor en 0 blijft 0. Wat een klein getal betekent: een getoonde 3 kan 1 tot 8 echte jeugdigen zijn; een getoonde 0 bij een gebied, aanbieder of periode met cijfers kan 0, 1 of 2 (soms tot 5) jeugdigen zijn, en dan tonen ook trajecten en euro’s 0, zodat een cel zichzelf nooit tegenspreekt. Aanbieders die 0 zouden tonen, staan samen onder ‘Overige aanbieders’. Euro’s zijn verstoord naar verhouding van de grootste bedragen per jeugdige in de cel (15 tot 45% waar één jeugdige het grootste deel heeft) en afgerond op € 1.000. Doorlooptijden staan er alleen bij een groep van minstens 25 getoonde jeugdigen en zijn enkele weken verschoven. Dezelfde jeugdigen in dezelfde groep krijgen altijd dezelfde verstoring. Aandelen en gemiddelden zijn berekend uit de verstoorde cijfers; totalen zijn apart verstoord en hoeven niet op te tellen.", "Values are slightly perturbed with the cell-key method: every count (trajectories, youth) is at most ±5 from the true value, 1 and 2 do not occur and 0 stays 0. What a small figure means: a 3 shown may be 1 to 8 young people in truth; a 0 shown for an area, provider or period that has figures may be 0, 1 or 2 (at times up to 5) young people, and then its trajectories and euros show 0 too, so a cell never contradicts itself. Providers that would show 0 are together under ‘Other providers’. Euros are perturbed in proportion to the largest amounts per youth in the cell (15 to 45% where one youth holds most of it) and rounded to € 1,000. Durations are shown only for a group of at least 25 young people shown, and moved by a few weeks. The same youth in the same group always get the same perturbation. Shares and averages are computed from the perturbed figures; totals are perturbed on their own and need not add up.";
    ErrBadArchive => "is geen leesbaar ZIP-bestand", "is not a readable ZIP file";
    ErrMissingInArchive => "ontbreekt in het ZIP-bestand", "is missing from the ZIP file";
    FileNotSent => "Het bestand is niet verstuurd.", "The file was not sent anywhere.";
    LocalUndisclosed => "Cijfers uit uw eigen bestand, zonder cell-key-methode (exact): deel ze niet.", "Figures from your own file, without the cell-key method (exact): do not share them.";
    ErrNotUtf8 => "is geen UTF-8-tekst", "is not UTF-8 text";
    ErrEmpty => "is leeg of heeft geen kopregel", "is empty or has no header line";
    ErrNoDataRows => "bevat geen gegevensrijen, alleen een kopregel", "has no data rows, only a header line";
    ErrTooManyValues => "heeft te veel verschillende waarden", "has too many distinct values";
    ErrTooManyValuesLimit => "de grens is", "the limit is";
    ErrOutOfRange => "valt buiten wat het dashboard aanneemt; de grens is", "is outside what the dashboard accepts; the limit is";
    ErrTooManyRows => "heeft meer rijen dan het dashboard leest; de grens is", "has more rows than the dashboard reads; the limit is";
    ErrUnknownHeader => "heeft een kopregel die geen kubus en geen records beschrijft", "has a header that describes neither a cube nor records";
    ErrMissingColumn => "mist een verplichte kolom", "lacks a required column";
    ErrRaggedRow => "heeft een ander aantal velden dan de kopregel", "has a different number of fields than the header";
    ErrBadCsv => "is geen geldige CSV (bijvoorbeeld een aanhalingsteken dat niet sluit)", "is not valid CSV (for example an unclosed quote)";
    ErrUnknownCode => "is geen bekende code of naam", "is not a known code or name";
    ErrBadPeriod => "is geen periode (JJJJ, JJJJ-Kn of JJJJ-Hn)", "is not a period (YYYY, YYYY-Qn or YYYY-Hn)";
    ErrBadDate => "is geen datum (dd-mm-jjjj, jjjj-mm-dd of jjjjmmdd)", "is not a date (dd-mm-yyyy, yyyy-mm-dd or yyyymmdd)";
    ErrUnknownRegions => "staat niet in de referentietabel van gemeenten en jeugdregio's (CBS-indeling 2025); het bestand is niet ingelezen", "is not in the reference table of gemeenten and jeugdregio's (CBS 2025); the file was not read";
    ErrOtherLandsdeel => "past niet bij de gemeente of jeugdregio in deze rij", "does not match the gemeente or jeugdregio in this row";
    ErrEndBeforeBegin => "ligt voor de begindatum in deze rij", "is before the begin date in this row";
    ErrUnknownRegionsValues => "onbekende waarden", "unknown values";
    ErrUnknownRegionsRows => "rijen", "rows";
    ErrBadNumber => "is geen getal (of leeg, x of ~getal)", "is not a number (nor empty, x or ~number)";
    ErrThousands => "heeft scheidingstekens voor duizendtallen; schrijf het getal zonder", "has thousands separators; write the number without them";
    ErrNotACount => "is geen heel, niet-negatief aantal", "is not a whole, non-negative count";
    ErrMissingValue => "is leeg, maar moet een waarde hebben", "is empty but must have a value";
    ErrDuplicate => "staat dubbel; eerder op regel", "is a duplicate; first on line";
    ErrBadJson => "is geen geldig JSON-bestand in het afgesproken formaat", "is not a valid JSON file in the agreed format";
    Ben => "Expertisenetwerk", "Expert network";
    NotNamed => "niet genoemd in de bron", "not named in the source";
    Footer => "Alle cijfers komen uit gepubliceerde, geanonimiseerde bestanden en worden in uw browser verwerkt.", "All figures come from published, anonymised files and are processed in your browser.";
    SourceLink => "Naar de bron", "To the source";
    NoticeIgnoredColumn => "kolom is onbekend in het formaat en is niet gelezen", "column is unknown to the format and was not read";
    NoticeWindows1252 => "is geen UTF-8 en is gelezen als Windows-1252 (zoals Excel op Windows CSV opslaat)", "is not UTF-8 and was read as Windows-1252 (as Excel on Windows saves CSV)";
    NoticeIgnoredParam => "Deze instelling in het webadres is onbekend of ongeldig en is genegeerd", "This setting in the web address is unknown or invalid and was ignored";
    NoticeUnknownDataset => "Deze dataset bestaat niet; de standaarddataset wordt getoond", "This dataset does not exist; the default dataset is shown";
    ChartUnavailable => "De grafiek kon niet worden getekend; de tabel hieronder bevat dezelfde cijfers.", "The chart could not be drawn; the table below holds the same figures.";
    NotPublishedColumns => "Niet gepubliceerd in deze bron", "Not published in this source";
    NationalRow => "Landelijk totaal (uit de bron)", "National total (from the source)";
    ViewVergelijk => "Vergelijken", "Compare";
    ViewRegio => "Regio", "Youth-care regions";
    BarJeugdregios => "Jeugdregio's", "Youth-care regions";
    BarGemeenten => "Gemeenten", "Municipalities";
    RegioBeside => "Het landsdeel en Nederland", "The landsdeel and the Netherlands";
    RegioIntro => "Jeugdregio's en gemeenten van een landsdeel, naast het landsdeel en Nederland.", "Youth-care regions and municipalities of a landsdeel, beside it and the Netherlands.";
    ViewDoorlooptijd => "Doorlooptijd", "Duration";
    DoorlooptijdIntro => "Gestarte, beëindigde en lopende trajecten per periode, en hun duur.", "Trajectories started, ended and running per period, and their duration.";
    Started => "Gestart", "Started";
    Ended => "Beëindigd", "Ended";
    Running => "Lopend aan het eind", "Running at the end";
    Quartile1 => "Kwart klaar na (weken)", "A quarter ended after (weeks)";
    Median => "Mediaan (weken)", "Median (weeks)";
    Quartile3 => "Driekwart klaar na (weken)", "Three quarters ended after (weeks)";
    NotReached => "niet bereikt", "not reached";
    BarFlow => "Trajecten per periode", "Trajectories per period";
    DurationsByArea => "Doorlooptijd per gebied, in weken", "Duration by area, in weeks";
    DurationsByPerceel => "Doorlooptijd per perceel, in weken", "Duration by lot, in weeks";
    ViewAanbieders => "Aanbieders", "Providers";
    AanbiedersIntro => "Jeugdigen, trajecten en euro’s per aanbieder.", "Youth, trajectories and euros per provider.";
    Provider => "Aanbieder", "Provider";
    VergelijkIntro => "Twee perioden of twee datasets naast elkaar: beide waarden, het verschil en de verandering in procenten.", "Two periods or two datasets side by side: both values, the difference and the change in percent.";
    Difference => "Verschil", "Difference";
    ChangePct => "Verandering", "Change";
    ErrBadWorkbook => "is geen leesbaar Excel- of ODS-bestand", "is not a readable Excel or ODS file";
    ErrNoHeaderRow => "heeft in de eerste 50 rijen geen kopregel met de kolommen periode en landsdeel", "has no header row with the columns periode and landsdeel in its first 50 rows";
    PrintFactsheet => "Afdrukken / PDF", "Print / PDF";
    PrintedOn => "Afgedrukt op", "Printed on";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_has_both_languages() {
        for t in Text::ALL {
            assert!(!t.get(Lang::Nl).is_empty() && !t.get(Lang::En).is_empty(), "{t:?}");
        }
    }
}
