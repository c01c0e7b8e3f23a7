//! onramp-intacct (to be filled).
