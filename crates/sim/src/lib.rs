//! onramp-sim (to be filled).
