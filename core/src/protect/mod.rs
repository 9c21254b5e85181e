//! Protection: the cell-key method, and the tables counted from records under it (the cube in
//! `disclosure/`, the durations and the providers beside it).

pub mod disclosure;
pub mod flow;
pub mod providers;
