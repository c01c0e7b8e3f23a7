//! OAuth 2.0 end to end over real HTTP on loopback against the simulator:
//! authorization code + PKCE (as a browser and a pasted URL would carry it),
//! refresh, revoke, client credentials (M2M), and the diagnosis of each failure.

mod canary;
mod code_flow;
mod connect;
mod failures;
mod m2m;
mod mcp;
mod mock;
mod oracle_samples;
mod restart;
mod suite;
mod support;
