//! The coordinator's two journals: what was done in the program (the audit
//! log, written by `audit`) and what was sent (the outbox, written by `outbox`).
//! Reading them is for coordinators only.
pub mod audit_api;
pub mod audit_ui;
pub mod outbox_api;
pub mod outbox_ui;
