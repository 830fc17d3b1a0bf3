//! UI pieces shared by several features.
pub mod access;
pub mod charts;
pub mod forms;
pub mod labels;
pub mod page;
pub mod problems;
pub mod table;
pub mod when;
