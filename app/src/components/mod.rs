//! UI pieces shared by several features.
pub mod access;
pub mod forms;
