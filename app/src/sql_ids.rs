//! Several ids bound as one SQL parameter, so that a page with many pairs
//! reads each kind of row once rather than once per pair:
//! `WHERE pair_id IN (SELECT value FROM json_each(?))`, bound to
//! `json_ids(&ids)`.

/// The SQL that follows a column to keep the rows whose value is in the
/// bound list.
pub const IN_LIST: &str = "IN (SELECT value FROM json_each(?))";

/// The ids as the JSON array `IN_LIST` reads.
pub fn json_ids(ids: &[i64]) -> String {
    let listed: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("[{}]", listed.join(","))
}

/// Rows grouped by the id they belong to, every id present (empty when it
/// has none), rows kept in their order.
pub fn grouped<T>(
    ids: &[i64],
    rows: impl IntoIterator<Item = (i64, T)>,
) -> std::collections::BTreeMap<i64, Vec<T>> {
    let mut groups: std::collections::BTreeMap<i64, Vec<T>> =
        ids.iter().map(|id| (*id, Vec::new())).collect();
    for (id, row) in rows {
        groups.entry(id).or_default().push(row);
    }
    groups
}

/// Rows grouped by the id `key` reads in each (a goal's milestones, a
/// meeting's objectives…), rows kept in their order: each group is then
/// found at once rather than by reading every row again.
pub fn grouped_by<T>(
    rows: impl IntoIterator<Item = T>,
    key: impl Fn(&T) -> i64,
) -> std::collections::BTreeMap<i64, Vec<T>> {
    let mut groups: std::collections::BTreeMap<i64, Vec<T>> = Default::default();
    for row in rows {
        groups.entry(key(&row)).or_default().push(row);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_a_json_array_and_rows_are_grouped_in_order() {
        assert_eq!(json_ids(&[]), "[]");
        assert_eq!(json_ids(&[3, -1, 12]), "[3,-1,12]");
        let groups = grouped(&[1, 2, 5], [(2, "a"), (1, "b"), (2, "c")]);
        assert_eq!(groups[&1], vec!["b"]);
        assert_eq!(groups[&2], vec!["a", "c"]);
        assert!(groups[&5].is_empty(), "an id without rows is still there");
        let by_first = grouped_by([(7, "a"), (3, "b"), (7, "c")], |(id, _)| *id);
        assert_eq!(by_first[&7], vec![(7, "a"), (7, "c")]);
        assert_eq!(by_first[&3], vec![(3, "b")]);
    }
}
