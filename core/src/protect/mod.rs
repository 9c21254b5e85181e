//! Protection: the cell-key method and the attacks it is tested against.

pub mod disclosure;
