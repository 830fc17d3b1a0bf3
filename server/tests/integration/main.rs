//! The server's integration tests, in one binary (one link of the app instead
//! of one a file): HTTP through the real router on temporary SQLite files, and
//! the `server` binary's commands. Each module is a feature's journeys; the
//! shared fixtures are in `common`.
mod common;

mod accounts;
mod authorization_matrix;
mod backups;
mod command_line;
mod contention;
mod cross_pair;
mod defences;
mod enrolment;
mod evaluations;
mod generated_inputs;
mod language;
mod mailer;
mod observability;
mod operations;
mod pages;
mod pairs;
mod privacy;
mod privacy_office;
mod workspace;
