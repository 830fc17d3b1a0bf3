//! Parsing what people type into forms: emails, names, passwords, short and
//! long texts, numbers and dates. Pure functions: each returns the cleaned value
//! or the field and the problem to show next to it (`AppError::InvalidInput`).
use chrono::NaiveDate;

use crate::error::{AppError, InputProblem};

/// Shortest password accepted (NIST SP 800-63B asks at least 8; we ask 10).
pub const PASSWORD_MIN_CHARS: usize = 10;
/// Longest password accepted: hashing is deliberately slow, so unbounded input is a weapon.
pub const PASSWORD_MAX_CHARS: usize = 128;
pub const DISPLAY_NAME_MAX_CHARS: usize = 100;
pub const EMAIL_MAX_CHARS: usize = 254;
/// Longest free text in a profile or an application (a note, a motivation).
pub const LONG_TEXT_MAX_CHARS: usize = 2000;
/// Longest short free text (an employer, a program of study…).
pub const SHORT_TEXT_MAX_CHARS: usize = 200;
/// Longest phone number as typed.
pub const PHONE_MAX_CHARS: usize = 40;

fn invalid(field: &str, problem: InputProblem) -> AppError {
    AppError::InvalidInput {
        field: field.to_owned(),
        problem,
    }
}

/// A plausible email address, trimmed. Whether it exists is for the mail server to say.
pub fn parse_email(field: &str, raw: &str) -> Result<String, AppError> {
    let email = raw.trim();
    if email.is_empty() {
        return Err(invalid(field, InputProblem::Required));
    }
    if email.chars().count() > EMAIL_MAX_CHARS {
        return Err(invalid(field, InputProblem::TooLong));
    }
    let plausible = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    };
    if plausible {
        Ok(email.to_owned())
    } else {
        Err(invalid(field, InputProblem::InvalidEmail))
    }
}

/// A display name: trimmed, not empty, at most 100 characters.
pub fn parse_display_name(field: &str, raw: &str) -> Result<String, AppError> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(invalid(field, InputProblem::Required));
    }
    if name.chars().count() > DISPLAY_NAME_MAX_CHARS || name.chars().any(char::is_control) {
        return Err(invalid(field, InputProblem::TooLong));
    }
    Ok(name.to_owned())
}

/// A new password: long enough, not absurdly long. Kept as typed (spaces count).
pub fn check_new_password(field: &str, password: &str) -> Result<(), AppError> {
    let length = password.chars().count();
    if length == 0 {
        Err(invalid(field, InputProblem::Required))
    } else if length < PASSWORD_MIN_CHARS {
        Err(invalid(field, InputProblem::PasswordTooShort))
    } else if length > PASSWORD_MAX_CHARS {
        Err(invalid(field, InputProblem::TooLong))
    } else {
        Ok(())
    }
}

/// A checkbox that must be ticked (HTML sends "on", or nothing at all).
pub fn require_checked(
    field: &str,
    value: Option<&str>,
    problem: InputProblem,
) -> Result<(), AppError> {
    match value {
        Some(value) if !value.is_empty() => Ok(()),
        _ => Err(invalid(field, problem)),
    }
}

/// "fr" or "en".
pub fn parse_locale_choice(field: &str, raw: &str) -> Result<&'static str, AppError> {
    match raw.trim() {
        "fr" => Ok("fr"),
        "en" => Ok("en"),
        _ => Err(invalid(field, InputProblem::InvalidChoice)),
    }
}

/// An optional short text: trimmed, empty → `None`, refused when too long.
pub fn parse_optional_text(
    field: &str,
    raw: &str,
    max_chars: usize,
) -> Result<Option<String>, AppError> {
    let text = raw.trim();
    if text.chars().count() > max_chars {
        return Err(AppError::InvalidInput {
            field: field.to_owned(),
            problem: InputProblem::TooLong,
        });
    }
    Ok((!text.is_empty()).then(|| text.to_owned()))
}

/// A required text: like [`parse_optional_text`], but empty is refused.
pub fn parse_required_text(field: &str, raw: &str, max_chars: usize) -> Result<String, AppError> {
    parse_optional_text(field, raw, max_chars)?.ok_or_else(|| AppError::InvalidInput {
        field: field.to_owned(),
        problem: InputProblem::Required,
    })
}

/// An optional whole number in `min..=max`; empty → `None`.
pub fn parse_optional_number(
    field: &str,
    raw: &str,
    min: i64,
    max: i64,
) -> Result<Option<i64>, AppError> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<i64>() {
        Ok(number) if (min..=max).contains(&number) => Ok(Some(number)),
        _ => Err(AppError::InvalidInput {
            field: field.to_owned(),
            problem: InputProblem::OutOfRange,
        }),
    }
}

/// A phone number as typed: digits, spaces and `+ - ( ) .` only, with at
/// least seven digits; `None` for anything else. Shared by the pair's
/// messages (a number shown to the other person) and the privacy page (the
/// person in charge's).
pub fn parse_phone(text: &str) -> Option<String> {
    let text = text.trim();
    let allowed = text
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (allowed && digits >= 7 && text.chars().count() <= PHONE_MAX_CHARS).then(|| text.to_owned())
}

/// An optional date (`YYYY-MM-DD`, as `<input type="date">` sends it).
pub fn parse_optional_date(field: &str, raw: &str) -> Result<Option<NaiveDate>, AppError> {
    let text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| AppError::InvalidInput {
            field: field.to_owned(),
            problem: InputProblem::InvalidDate,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(result: Result<impl std::fmt::Debug, AppError>) -> Option<InputProblem> {
        match result {
            Err(AppError::InvalidInput { problem, .. }) => Some(problem),
            _ => None,
        }
    }

    #[test]
    fn emails_are_trimmed_and_checked_for_shape() {
        assert_eq!(
            parse_email("email", "  Marie@Example.org ").ok(),
            Some("Marie@Example.org".to_owned())
        );
        assert_eq!(
            problem(parse_email("email", "")),
            Some(InputProblem::Required)
        );
        for bad in [
            "marie",
            "marie@",
            "@example.org",
            "marie@example",
            "a b@c.org",
            "a@b@c.org",
            "a@.org",
        ] {
            assert_eq!(
                problem(parse_email("email", bad)),
                Some(InputProblem::InvalidEmail),
                "{bad}"
            );
        }
        let long = format!("{}@example.org", "a".repeat(250));
        assert_eq!(
            problem(parse_email("email", &long)),
            Some(InputProblem::TooLong)
        );
    }

    #[test]
    fn passwords_need_ten_characters_and_at_most_128() {
        assert_eq!(
            problem(check_new_password("password", "")),
            Some(InputProblem::Required)
        );
        assert_eq!(
            problem(check_new_password("password", "court-9ch")),
            Some(InputProblem::PasswordTooShort)
        );
        assert!(check_new_password("password", "dix-carac.").is_ok());
        assert!(
            check_new_password("password", "éééééééééé").is_ok(),
            "characters, not bytes"
        );
        assert_eq!(
            problem(check_new_password("password", &"x".repeat(129))),
            Some(InputProblem::TooLong)
        );
    }

    #[test]
    fn names_are_trimmed_and_required() {
        assert_eq!(
            parse_display_name("n", "  Léa  ").ok(),
            Some("Léa".to_owned())
        );
        assert_eq!(
            problem(parse_display_name("n", "   ")),
            Some(InputProblem::Required)
        );
        assert_eq!(
            problem(parse_display_name("n", &"a".repeat(101))),
            Some(InputProblem::TooLong)
        );
    }

    #[test]
    fn a_checkbox_must_be_ticked() {
        assert!(require_checked("consent", Some("on"), InputProblem::ConsentRequired).is_ok());
        assert_eq!(
            problem(require_checked(
                "consent",
                None,
                InputProblem::ConsentRequired
            )),
            Some(InputProblem::ConsentRequired)
        );
    }

    #[test]
    fn only_the_two_program_languages_are_choices() {
        assert_eq!(parse_locale_choice("locale", "en").ok(), Some("en"));
        assert_eq!(
            problem(parse_locale_choice("locale", "de")),
            Some(InputProblem::InvalidChoice)
        );
    }

    #[test]
    fn texts_numbers_and_dates_are_checked() {
        assert_eq!(parse_optional_text("f", "  ", 10), Ok(None));
        assert_eq!(
            parse_optional_text("f", " UdeM ", 10),
            Ok(Some("UdeM".to_owned()))
        );
        assert!(parse_optional_text("f", &"x".repeat(11), 10).is_err());
        assert!(parse_required_text("f", "", 10).is_err());
        assert_eq!(parse_optional_number("year", "3", 1, 10), Ok(Some(3)));
        assert_eq!(parse_optional_number("year", "", 1, 10), Ok(None));
        assert!(parse_optional_number("year", "11", 1, 10).is_err());
        assert!(parse_optional_number("year", "deux", 1, 10).is_err());
        assert!(parse_optional_date("until", "2025-02-30").is_err());
        assert_eq!(
            parse_optional_date("until", "2025-03-01"),
            Ok(NaiveDate::from_ymd_opt(2025, 3, 1))
        );
    }
}
