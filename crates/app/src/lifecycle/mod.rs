//! After the setup: what keeps a working integration user working for years.
//! `revalidate` runs stored setups again without a window (cron, CI),
//! `reminders` says what is about to expire or is due to be proven again, the
//! way the vendors warn of it, and `rotate` swaps credentials for new ones
//! only once a validation run has proven them.

pub mod m2m;
pub mod owner;
pub mod reconsent;
pub mod releases;
pub mod reminders;
pub mod revalidate;
pub mod rotate;
