//! OAuth 2.0 end to end over real HTTP on loopback against the simulator:
//! authorization code + PKCE (as a browser and a pasted URL would carry it),
//! refresh, revoke, client credentials (M2M), and the diagnosis of each failure.

mod code_flow;
mod failures;
mod m2m;
mod suite;
mod support;
