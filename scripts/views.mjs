// The views in menu order (lta_core::url_state::View::ALL; core/tests/views_list.rs checks the two agree).
export const VIEWS = ['overzicht', 'landsdelen', 'regio', 'percelen', 'verwijzers', 'profiel', 'trend', 'doorlooptijd', 'aanbieders', 'vergelijk'];
