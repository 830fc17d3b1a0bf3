//! What a new password may not be: one of the most common passwords, or the
//! person's own name or email address.
//!
//! Plain Rust. The list (`app/data/common-passwords.txt`, its source and
//! licence in `app/data/README.md`) is built into the server only.

use crate::error::{AppError, InputProblem};

/// Every rule a new password meets, with the field's problem when it does
/// not: its length (`input::check_new_password`), not a common password,
/// not the person's name or email address.
pub fn check_new_password(
    field: &str,
    password: &str,
    display_name: &str,
    email: &str,
) -> Result<(), AppError> {
    crate::input::check_new_password(field, password)?;
    let problem = if is_common(password) {
        InputProblem::PasswordCommon
    } else if mentions_person(password, display_name, email) {
        InputProblem::PasswordMentionsYou
    } else {
        return Ok(());
    };
    Err(AppError::InvalidInput {
        field: field.to_owned(),
        problem,
    })
}

/// Letters and digits only, lowercased: "Claire-Gagnon 2026" and
/// "clairegagnon2026" are the same password to a guesser.
fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Words of this program a guesser tries first (ASVS 6.1.2): the app's name,
/// the organization's.
pub const CONTEXT_WORDS: [&str; 4] = ["mentorat", "carrefour", "savoirs", "mentoring"];

/// Whether the password is, or plainly contains, the person's name or email
/// address (the whole name, one of its words, the address or the part
/// before its `@`, each counting from four characters: a shorter one is in
/// too many honest passwords), or one of the program's own words.
pub fn mentions_person(password: &str, display_name: &str, email: &str) -> bool {
    let password = folded(password);
    let local_part = email.split('@').next().unwrap_or_default();
    let words = display_name
        .split(|c: char| !c.is_alphanumeric())
        .map(folded)
        .filter(|word| word.chars().count() >= 4);
    let whole = [folded(display_name), folded(email), folded(local_part)]
        .into_iter()
        .filter(|part| part.chars().count() >= 4);
    let context = CONTEXT_WORDS.iter().map(|word| (*word).to_owned());
    whole
        .chain(words)
        .chain(context)
        .any(|part| password.contains(&part))
}

/// Whether the password is one of the most common passwords, whatever its case.
#[cfg(feature = "ssr")]
pub fn is_common(password: &str) -> bool {
    let lowered = password.to_lowercase();
    common_passwords().binary_search(&lowered.as_str()).is_ok()
}

/// Without the server, nothing is common: the browser never holds the list.
#[cfg(not(feature = "ssr"))]
pub fn is_common(_password: &str) -> bool {
    false
}

/// The list, sorted bytewise (as `LC_ALL=C sort` wrote it), read once.
#[cfg(feature = "ssr")]
fn common_passwords() -> &'static [&'static str] {
    static LIST: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("../../data/common-passwords.txt")
            .lines()
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_or_an_address_is_not_a_password() {
        let name = "Claire Gagnon";
        let email = "claire.gagnon@program.example";
        assert!(mentions_person("ClaireGagnon!", name, email));
        assert!(mentions_person("gagnon-2026-mentorat", name, email));
        assert!(mentions_person("x-claire.gagnon-x", name, email));
        assert!(mentions_person(
            "claire.gagnon@program.example",
            name,
            email
        ));
        assert!(!mentions_person("correct horse battery", name, email));
        assert!(mentions_person("Mentorat2026!", name, email));
        assert!(mentions_person("carrefour des savoirs", name, email));
        // A short word of a name is everywhere; it does not count alone.
        assert!(!mentions_person(
            "kite-and-lee-forever",
            "Lee Ng",
            "ln@x.example"
        ));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_most_common_passwords_are_refused_whatever_their_case() {
        for common in ["password123", "1234567890", "QwertyUIOP", "1q2w3e4r5t"] {
            assert!(is_common(common), "{common}");
        }
        assert!(!is_common("mentorat: vingt-deux carottes"));
        assert!(!is_common(""));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_new_password_meets_every_rule_with_its_own_problem() {
        let check = |password| match check_new_password(
            "password",
            password,
            "Léa Tremblay",
            "lea@student.example",
        ) {
            Ok(()) => None,
            Err(AppError::InvalidInput { problem, .. }) => Some(problem),
            Err(other) => panic!("{other:?}"),
        };
        assert_eq!(check("court"), Some(InputProblem::PasswordTooShort));
        assert_eq!(check("Password1234"), Some(InputProblem::PasswordCommon));
        assert_eq!(
            check("tremblay-du-plateau"),
            Some(InputProblem::PasswordMentionsYou)
        );
        assert_eq!(check("six carottes au vent"), None);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_list_is_sorted_bytewise_and_large_enough() {
        let list = common_passwords();
        assert!(list.len() >= 100_000, "{}", list.len());
        assert!(list.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(list.iter().all(|entry| entry.chars().count() >= 10));
    }
}
