//! What the attacks share: the attacker's linear model of a published cube and the LP solver.
pub mod clp;
pub mod files;
pub mod model;
