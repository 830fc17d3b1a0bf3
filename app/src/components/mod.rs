//! UI pieces shared by several features.
pub mod access;
pub mod cohort_select;
pub mod forms;
pub mod when;
