//! Page numbers arrive in button data, which anyone can forge: turn one into a row
//! offset without overflowing, before any query runs.

/// The first row of `page` (counted from 0) at `per_page` rows a page, or `None` for a
/// negative page or one so large the offset would overflow: such a press is stale.
pub fn offset(page: i64, per_page: i64) -> Option<i64> {
    if page < 0 || per_page <= 0 {
        return None;
    }
    page.checked_mul(per_page)
}

#[cfg(test)]
mod tests {
    use super::offset;

    #[test]
    fn forged_page_numbers_give_no_offset_instead_of_overflowing() {
        let cases = [
            (0, 10, Some(0)),
            (3, 10, Some(30)),
            (-1, 10, None),
            (i64::MAX, 10, None),
            (i64::MAX / 10 + 1, 10, None),
            (i64::MAX / 10, 10, Some(i64::MAX / 10 * 10)),
            (1, 0, None),
        ];
        for (page, per_page, want) in cases {
            assert_eq!(offset(page, per_page), want, "page {page} per {per_page}");
        }
    }
}
