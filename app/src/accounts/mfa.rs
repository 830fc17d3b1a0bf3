//! Two-step sign-in: six-digit codes from an authenticator app (TOTP, RFC
//! 6238: HMAC-SHA-1, 30-second steps, one step of clock drift either way),
//! and ten single-use recovery codes for the day the phone is lost.
//!
//! Plain Rust over the `totp-rs` and `qrcode` crates (server only): the
//! server functions keep the secrets and the counts (`repo`).

/// The name authenticator apps show above the code.
pub const ISSUER: &str = "Mentorat";
/// Seconds a code lives.
pub const STEP_SECONDS: u64 = 30;
/// How many recovery codes a person gets at once.
pub const RECOVERY_CODES: usize = 10;
/// Characters of a recovery code: base32's, without the look-alikes 0/O, 1/I/L.
const RECOVERY_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/// Characters in a recovery code (16 × log2(31) ≈ 79 bits: a fast hash is enough).
const RECOVERY_LENGTH: usize = 16;

/// What a person typed at the code prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypedCode {
    /// Six digits from the app.
    App(String),
    /// A recovery code, normalized (upper case, no separators).
    Recovery(String),
}

/// Reads a typed code, spaces and dashes aside: six digits, or a recovery
/// code; `None` for anything else.
pub fn parse_code(typed: &str) -> Option<TypedCode> {
    let compact: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_ascii_uppercase();
    if compact.len() == 6 && compact.bytes().all(|b| b.is_ascii_digit()) {
        Some(TypedCode::App(compact))
    } else if compact.len() == RECOVERY_LENGTH
        && compact.bytes().all(|b| RECOVERY_ALPHABET.contains(&b))
    {
        Some(TypedCode::Recovery(compact))
    } else {
        None
    }
}

/// A recovery code as shown: four groups of four (`ABCD-EFGH-JKMN-PQRS`).
pub fn grouped(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// A time step's number at `unix_seconds`.
pub fn step_at(unix_seconds: u64) -> u64 {
    unix_seconds / STEP_SECONDS
}

#[cfg(feature = "ssr")]
pub use server::*;

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use rand::Rng as _;
    use totp_rs::{Algorithm, Secret, TOTP};

    /// A new secret: 160 random bits, base32 (as apps take it by hand).
    pub fn new_secret() -> String {
        let mut bytes = [0_u8; 20];
        rand::rng().fill(&mut bytes);
        Secret::Raw(bytes.to_vec()).to_encoded().to_string()
    }

    fn totp(secret: &str, account: &str) -> Option<TOTP> {
        let bytes = Secret::Encoded(secret.to_owned()).to_bytes().ok()?;
        TOTP::new(
            Algorithm::SHA1,
            6,
            1,
            STEP_SECONDS,
            bytes,
            Some(ISSUER.to_owned()),
            account.to_owned(),
        )
        .ok()
    }

    /// The `otpauth://` address an app reads from the QR code.
    pub fn otpauth_url(secret: &str, account: &str) -> Option<String> {
        totp(secret, account).map(|totp| totp.get_url())
    }

    /// The step of `code` at `unix_seconds`, one step of drift either way,
    /// when it is later than `last_used_step` (a code works once).
    pub fn matching_step(
        secret: &str,
        code: &str,
        unix_seconds: u64,
        last_used_step: u64,
    ) -> Option<u64> {
        let totp = totp(secret, "-")?;
        let now = step_at(unix_seconds);
        [now.saturating_sub(1), now, now + 1]
            .into_iter()
            .filter(|step| *step > last_used_step)
            .find(|step| same(&totp.generate(step * STEP_SECONDS), code))
    }

    /// Compares without stopping at the first difference.
    fn same(a: &str, b: &str) -> bool {
        a.len() == b.len()
            && a.bytes()
                .zip(b.bytes())
                .fold(0_u8, |acc, (x, y)| acc | (x ^ y))
                == 0
    }

    /// The QR code of `text` as an SVG image in a `data:` address (the
    /// pages' policy allows `data:` images, never inline scripts).
    pub fn qr_data_uri(text: &str) -> Option<String> {
        use base64::Engine as _;
        let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
        let svg = code
            .render::<qrcode::render::svg::Color>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build();
        Some(format!(
            "data:image/svg+xml;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(svg)
        ))
    }

    /// Ten new recovery codes (normalized: no separators).
    pub fn new_recovery_codes() -> Vec<String> {
        let mut random = rand::rng();
        (0..RECOVERY_CODES)
            .map(|_| {
                (0..RECOVERY_LENGTH)
                    .map(|_| {
                        let at = random.random_range(0..RECOVERY_ALPHABET.len());
                        char::from(RECOVERY_ALPHABET[at])
                    })
                    .collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_code_is_six_digits_or_a_recovery_code() {
        assert_eq!(
            parse_code(" 123 456 "),
            Some(TypedCode::App("123456".into()))
        );
        assert_eq!(
            parse_code("abcd-efgh-jkmn-pqrs"),
            Some(TypedCode::Recovery("ABCDEFGHJKMNPQRS".into()))
        );
        assert_eq!(parse_code("12345"), None);
        assert_eq!(parse_code("1234567"), None);
        assert_eq!(
            parse_code("ABCD-EFGH-JKMN-PQR0"),
            None,
            "0 is not in the alphabet"
        );
        assert_eq!(parse_code(""), None);
        assert_eq!(grouped("ABCDEFGHJKMNPQRS"), "ABCD-EFGH-JKMN-PQRS");
    }

    /// RFC 6238, appendix B: the SHA-1 test vectors (eight digits, the
    /// 20-byte secret "12345678901234567890").
    #[cfg(feature = "ssr")]
    #[test]
    fn the_rfc_6238_test_vectors_hold() {
        let totp = totp_rs::TOTP::new(
            totp_rs::Algorithm::SHA1,
            8,
            0,
            30,
            b"12345678901234567890".to_vec(),
            None,
            "rfc".to_owned(),
        )
        .expect("a valid TOTP");
        for (time, code) in [
            (59, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(totp.generate(time), code, "at {time}");
        }
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_code_works_within_one_step_of_drift_and_only_once() {
        let secret = new_secret();
        let totp = totp_rs::TOTP::new(
            totp_rs::Algorithm::SHA1,
            6,
            1,
            30,
            totp_rs::Secret::Encoded(secret.clone())
                .to_bytes()
                .expect("base32"),
            None,
            "x".to_owned(),
        )
        .expect("a TOTP");
        let now = 1_800_000_015;
        let code = totp.generate(now);
        let step = step_at(now);
        assert_eq!(matching_step(&secret, &code, now, 0), Some(step));
        // Thirty seconds late, or early: still that step.
        assert_eq!(matching_step(&secret, &code, now + 30, 0), Some(step));
        assert_eq!(matching_step(&secret, &code, now - 30, 0), Some(step));
        // Two steps away: refused.
        assert_eq!(matching_step(&secret, &code, now + 60, 0), None);
        // Once used, refused.
        assert_eq!(matching_step(&secret, &code, now, step), None);
        assert_eq!(
            matching_step(&secret, "000000", now, 0).is_some(),
            code == "000000"
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn recovery_codes_are_ten_distinct_codes_that_parse_back() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let distinct: std::collections::BTreeSet<_> = codes.iter().collect();
        assert_eq!(distinct.len(), RECOVERY_CODES);
        for code in &codes {
            assert_eq!(
                parse_code(&grouped(code).to_lowercase()),
                Some(TypedCode::Recovery(code.clone()))
            );
        }
        let url = otpauth_url(&new_secret(), "claire@program.example").expect("a url");
        assert!(
            url.starts_with("otpauth://totp/Mentorat:claire%40program.example?"),
            "{url}"
        );
        assert!(qr_data_uri(&url).is_some_and(|uri| uri.starts_with("data:image/svg+xml;base64,")));
    }
}
