//! Reading back the text a stored enum (`stored_enum!`, `stored_text!`) was
//! written as. A value this version does not know — written by hand, by a
//! newer version, by a migration gone wrong — is an error in the log that
//! names the table, the column and the value, and an error for the caller:
//! never quietly read as some other value, which would differ from one file
//! to the next.

/// A stored text that names no value of the type it is read as.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown stored value {value:?} in {table}.{column}")]
pub struct UnknownStoredValue {
    pub table: &'static str,
    pub column: &'static str,
    pub value: String,
}

/// The stored text `value` of `table`.`column`, parsed (a stored enum's
/// `FromStr` is its `parse`); an unknown one is logged and is an error.
pub fn decode<T: std::str::FromStr>(
    table: &'static str,
    column: &'static str,
    value: &str,
) -> Result<T, UnknownStoredValue> {
    known(value.parse().ok(), table, column, value)
}

/// The same for a nullable column: no value stays none, an unknown one is an error.
pub fn decode_optional<T: std::str::FromStr>(
    table: &'static str,
    column: &'static str,
    value: Option<&str>,
) -> Result<Option<T>, UnknownStoredValue> {
    value.map(|value| decode(table, column, value)).transpose()
}

/// What a parser that is not `FromStr` made of the stored `value` (one that
/// reads two columns, or answers `Option`): `None` is logged and is an error.
pub fn known<T>(
    parsed: Option<T>,
    table: &'static str,
    column: &'static str,
    value: &str,
) -> Result<T, UnknownStoredValue> {
    parsed.ok_or_else(|| {
        tracing::error!(table, column, value, "unknown stored value");
        UnknownStoredValue {
            table,
            column,
            value: value.to_owned(),
        }
    })
}

/// For a long list that must still show its other rows: the value, or
/// `None` (the row left out) with the error logged. Never another value.
pub fn decode_or_skip<T: std::str::FromStr>(
    table: &'static str,
    column: &'static str,
    value: &str,
) -> Option<T> {
    decode(table, column, value).ok()
}

/// For the repositories that answer `sqlx::Error`: a decoding error, which
/// `AppError` turns back into `Internal` (see its `From<sqlx::Error>`).
impl From<UnknownStoredValue> for sqlx::Error {
    fn from(error: UnknownStoredValue) -> sqlx::Error {
        sqlx::Error::Decode(Box::new(error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::stored_enum! {
        enum Role {
            Coordinator,
            Mentor,
            Mentee,
        }
    }

    #[test]
    fn a_known_stored_value_reads_as_itself() {
        assert_eq!(
            decode::<Role>("accounts", "role", "coordinator"),
            Ok(Role::Coordinator)
        );
        assert_eq!(
            decode_optional::<Role>("accounts", "role", Some("mentor")),
            Ok(Some(Role::Mentor))
        );
        assert_eq!(decode_optional::<Role>("accounts", "role", None), Ok(None));
        assert_eq!(known(Some(3), "t", "c", "3"), Ok(3));
        // The same reading as the enum's own `parse` of what `as_str` wrote.
        assert_eq!(
            decode::<Role>("accounts", "role", Role::Mentor.as_str()).ok(),
            Role::parse("mentor")
        );
        assert_eq!(
            decode_or_skip::<Role>("accounts", "role", "mentee"),
            Some(Role::Mentee)
        );
    }

    #[test]
    fn an_unknown_stored_value_is_an_error_naming_where_it_was_never_a_default() {
        let error = decode::<Role>("accounts", "role", "wizard").err();
        assert_eq!(
            error,
            Some(UnknownStoredValue {
                table: "accounts",
                column: "role",
                value: "wizard".to_owned(),
            })
        );
        assert_eq!(
            error.map(|error| error.to_string()).unwrap_or_default(),
            "unknown stored value \"wizard\" in accounts.role"
        );
        assert!(decode_optional::<Role>("invitations", "role", Some("")).is_err());
        assert!(known::<i64>(None, "pairs", "status", "paused").is_err());
        assert_eq!(decode_or_skip::<Role>("accounts", "role", "Mentor"), None);
    }
}
