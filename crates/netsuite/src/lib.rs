//! onramp-netsuite (to be filled).
