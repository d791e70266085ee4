//! Cutting what people typed to fit a screen.

/// At most `max` characters, the last one "…" when cut: lists stay one line on
/// narrow phones and a cut text still reads as cut. Counts characters, so it never
/// splits one (an emoji or an accented letter).
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::clip;

    #[test]
    fn clipping_counts_characters_and_marks_the_cut() {
        let cases = [("Pelatihan", 20, "Pelatihan"), ("Pelatihan batik tulis", 10, "Pelatihan…"), ("🍜🍜🍜", 2, "🍜…"), ("", 3, "")];
        for (text, max, want) in cases {
            assert_eq!(clip(text, max), want, "{text:?} at {max}");
        }
    }
}
