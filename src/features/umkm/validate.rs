//! Checks for every typed answer of the sign-up form. Each returns the cleaned value
//! or a [`FieldError`] the dialogue turns into a clear message; nothing here knows
//! about Telegram.

/// Longest owner or business name accepted.
pub const NAME_MAX: usize = 100;
/// Longest business description accepted.
pub const DESCRIPTION_MAX: usize = 500;

/// Why a typed answer was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("empty")]
    Empty,
    #[error("{got} characters, at most {max}")]
    TooLong { max: usize, got: usize },
    #[error("a name needs at least one letter")]
    NoLetters,
    #[error("not an Indonesian mobile number")]
    Phone,
    #[error("an NIB has 13 digits")]
    Nib,
}

impl FieldError {
    /// The message explaining the problem (arguments: `max`, `got`).
    pub fn key(&self) -> &'static str {
        match self {
            FieldError::Empty => "umkm-err-empty",
            FieldError::TooLong { .. } => "umkm-err-too-long",
            FieldError::NoLetters => "umkm-err-name-format",
            FieldError::Phone => "umkm-err-phone",
            FieldError::Nib => "umkm-err-nib",
        }
    }
}

/// An owner's or a business's name: one line, spaces collapsed, 1–100 characters,
/// at least one letter (so "-" or "123" is not taken for a name).
pub fn name(input: &str) -> Result<String, FieldError> {
    let cleaned = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if cleaned.is_empty() {
        return Err(FieldError::Empty);
    }
    let got = cleaned.chars().count();
    if got > NAME_MAX {
        return Err(FieldError::TooLong { max: NAME_MAX, got });
    }
    if !cleaned.chars().any(char::is_alphabetic) {
        return Err(FieldError::NoLetters);
    }
    Ok(cleaned)
}

/// An Indonesian mobile number typed as `08…`, `+628…` or `628…` (spaces, dots,
/// dashes and brackets allowed), normalised to `+628…`. In the familiar `08…` form
/// it has 10–13 digits, so 9–12 digits follow `+62`.
pub fn phone(input: &str) -> Result<String, FieldError> {
    let compact: String = input.chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')')).collect();
    if compact.is_empty() {
        return Err(FieldError::Empty);
    }
    let (plus, digits) = match compact.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, compact.as_str()),
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FieldError::Phone);
    }
    let national = match (plus, digits.strip_prefix("62"), digits.strip_prefix('0')) {
        (_, Some(rest), _) => rest,
        (false, None, Some(rest)) => rest,
        _ => return Err(FieldError::Phone),
    };
    if !national.starts_with('8') || !(9..=12).contains(&national.len()) {
        return Err(FieldError::Phone);
    }
    Ok(format!("+62{national}"))
}

/// A Nomor Induk Berusaha from OSS: 13 digits (spaces, dots and dashes ignored),
/// not all zeros.
pub fn nib(input: &str) -> Result<String, FieldError> {
    let digits: String = input.chars().filter(|c| !matches!(c, ' ' | '-' | '.')).collect();
    if digits.is_empty() {
        return Err(FieldError::Empty);
    }
    let ok = digits.len() == 13 && digits.bytes().all(|b| b.is_ascii_digit()) && digits.bytes().any(|b| b != b'0');
    if ok { Ok(digits) } else { Err(FieldError::Nib) }
}

/// A short description: trimmed, line breaks kept, at most 500 characters.
pub fn description(input: &str) -> Result<String, FieldError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(FieldError::Empty);
    }
    let got = trimmed.chars().count();
    if got > DESCRIPTION_MAX {
        return Err(FieldError::TooLong { max: DESCRIPTION_MAX, got });
    }
    Ok(trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use FieldError::*;

    #[test]
    fn names_are_tidied_and_checked() {
        let long = "a".repeat(101);
        let cases: [(&str, Result<&str, FieldError>); 8] = [
            ("Siti Aminah", Ok("Siti Aminah")),
            ("  Siti \n  Aminah ", Ok("Siti Aminah")),
            ("Toko 99", Ok("Toko 99")),
            ("Dapur Bu Dewi – Pempek & Tekwan", Ok("Dapur Bu Dewi – Pempek & Tekwan")),
            ("", Err(Empty)),
            ("   \n ", Err(Empty)),
            ("123 - 456", Err(NoLetters)),
            (long.as_str(), Err(TooLong { max: 100, got: 101 })),
        ];
        for (input, want) in cases {
            assert_eq!(name(input), want.map(str::to_string), "{input:?}");
        }
        assert_eq!(name(&"é".repeat(100)).map(|n| n.chars().count()), Ok(100), "characters, not bytes");
    }

    #[test]
    fn phone_numbers_are_normalised_to_plus_62() {
        let cases: [(&str, Result<&str, FieldError>); 16] = [
            ("081234567890", Ok("+6281234567890")),
            ("0812-3456-7890", Ok("+6281234567890")),
            ("0812 3456 78", Ok("+62812345678")),
            ("+62 812 3456 7890", Ok("+6281234567890")),
            ("6281234567890", Ok("+6281234567890")),
            ("(0812) 345.678.901", Ok("+62812345678901")),
            ("0812345678901", Ok("+62812345678901")),
            ("081234567", Err(Phone)),
            ("08123456789012", Err(Phone)),
            ("0211234567", Err(Phone)),
            ("+6221123456789", Err(Phone)),
            ("+1 555 123 4567", Err(Phone)),
            ("8123456789", Err(Phone)),
            ("+081234567890", Err(Phone)),
            ("0812abc67890", Err(Phone)),
            ("  ", Err(Empty)),
        ];
        for (input, want) in cases {
            assert_eq!(phone(input), want.map(str::to_string), "{input:?}");
        }
    }

    #[test]
    fn an_nib_has_thirteen_digits() {
        let cases: [(&str, Result<&str, FieldError>); 8] = [
            ("1234567890123", Ok("1234567890123")),
            ("1234 5678 90123", Ok("1234567890123")),
            ("123456789012", Err(Nib)),
            ("12345678901234", Err(Nib)),
            ("12345678901ab", Err(Nib)),
            ("0000000000000", Err(Nib)),
            ("NIB 1234567890123", Err(Nib)),
            ("", Err(Empty)),
        ];
        for (input, want) in cases {
            assert_eq!(nib(input), want.map(str::to_string), "{input:?}");
        }
    }

    #[test]
    fn a_description_is_optional_text_up_to_500_characters() {
        let at_limit = "x".repeat(500);
        let over = "x".repeat(501);
        let cases: [(&str, Result<&str, FieldError>); 4] = [
            ("  Pempek kapal selam.\nPesan antar.  ", Ok("Pempek kapal selam.\nPesan antar.")),
            (at_limit.as_str(), Ok(at_limit.as_str())),
            (over.as_str(), Err(TooLong { max: 500, got: 501 })),
            (" ", Err(Empty)),
        ];
        for (input, want) in cases {
            assert_eq!(description(input), want.map(str::to_string), "{input:?}");
        }
    }
}
