//! SQL for the dashboard's figures: a cohort's pairs, meetings and goals week by week, and its domains.
#[allow(unused_imports)]
use super::*;

pub(super) async fn domains_of_cohort(
    pool: &SqlitePool,
    cohort_id: i64,
) -> Result<HashMap<i64, Vec<String>>, sqlx::Error> {
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT x.profile_id, d.code FROM profile_domains x \
         JOIN domains d ON d.id = x.domain_id \
         JOIN cohort_members cm ON cm.profile_id = x.profile_id AND cm.status = 'confirmed' \
         WHERE cm.cohort_id = ? ORDER BY x.profile_id, d.code",
    )
    .bind(cohort_id)
    .fetch_all(pool)
    .await?;
    let mut lists: HashMap<i64, Vec<String>> = HashMap::new();
    for (profile_id, code) in rows {
        lists.entry(profile_id).or_default().push(code);
    }
    Ok(lists)
}

/// The Monday of a day's week.
pub fn week_of(day: NaiveDate) -> NaiveDate {
    day - chrono::Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The cohort's figures. `facts` are the same day's (waiting mentees and places come from them).
pub async fn figures(
    pool: &SqlitePool,
    cohort_id: i64,
    facts: &Facts,
    today: NaiveDate,
) -> Result<Figures, sqlx::Error> {
    let applications = crate::applications::repo::count_by_status(pool).await?;
    let pair_counts: Vec<(String, i64)> =
        sqlx::query_as("SELECT status, COUNT(*) FROM pairs WHERE cohort_id = ? GROUP BY status")
            .bind(cohort_id)
            .fetch_all(pool)
            .await?;
    let pairs = |status: &str| count_of(&pair_counts, status);
    let meetings_per_week = meetings_per_week(pool, cohort_id, today).await?;
    let (goals_agreed, goals_achieved, goals_overdue) = goal_counts(pool, cohort_id, today).await?;
    let (feedback_given, feedback_acknowledged): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(f.acknowledged_at IS NOT NULL), 0) \
         FROM feedback f JOIN pairs p ON p.id = f.pair_id WHERE p.cohort_id = ?",
    )
    .bind(cohort_id)
    .fetch_one(pool)
    .await?;
    let fit_counts: Vec<(String, i64)> = sqlx::query_as(
        "SELECT fc.answer, COUNT(*) FROM fit_checks fc JOIN pairs p ON p.id = fc.pair_id \
         WHERE p.cohort_id = ? GROUP BY fc.answer",
    )
    .bind(cohort_id)
    .fetch_all(pool)
    .await?;
    let fit = |answer: FitAnswer| count_of(&fit_counts, answer.as_str());
    let used_places: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM pairs x JOIN profiles pr ON pr.id = x.mentor_profile_id \
         JOIN accounts a ON a.id = pr.account_id \
         JOIN cohort_members cm ON cm.profile_id = pr.id AND cm.status = 'confirmed' \
         WHERE cm.cohort_id = ? AND a.is_disabled = 0 AND x.status IN ('proposed', 'active')",
    )
    .bind(cohort_id)
    .fetch_one(pool)
    .await?;
    Ok(Figures {
        applications,
        mentees_waiting: facts.waiting_mentees.len() as i64,
        pairs_proposed: pairs("proposed"),
        pairs_active: pairs("active"),
        pairs_ended: pairs("ended"),
        pairs_completed: pairs("completed"),
        mentors: facts.mentors.len() as i64,
        places_used: used_places,
        places_free: facts
            .mentors
            .iter()
            .filter(|mentor| !mentor.paused)
            .map(|mentor| mentor.free_places)
            .sum(),
        meetings_per_week,
        goals_agreed,
        goals_achieved,
        goals_overdue,
        feedback_given,
        feedback_acknowledged,
        fit_good: fit(FitAnswer::GoodFit),
        fit_not_sure: fit(FitAnswer::NotSure),
        fit_not_a_fit: fit(FitAnswer::NotAFit),
    })
}

/// The count a `(name, count)` list gives `name` (0 when it is not there).
fn count_of(counts: &[(String, i64)], name: &str) -> i64 {
    counts
        .iter()
        .find(|(listed, _)| listed == name)
        .map_or(0, |(_, count)| *count)
}

/// Held meetings per week of the cohort's pairs, for the `MEETING_WEEKS` weeks
/// up to `today`'s: each week's Monday (YYYY-MM-DD) and the count, oldest first.
async fn meetings_per_week(
    pool: &SqlitePool,
    cohort_id: i64,
    today: NaiveDate,
) -> Result<Vec<(String, i64)>, sqlx::Error> {
    let first_week = week_of(today) - chrono::Duration::weeks(MEETING_WEEKS as i64 - 1);
    let held: Vec<String> = sqlx::query_scalar(
        "SELECT m.starts_at FROM meetings m JOIN pairs p ON p.id = m.pair_id \
         WHERE p.cohort_id = ? AND m.status = 'held' AND m.starts_at >= ?",
    )
    .bind(cohort_id)
    // A day early: the program's Monday starts before UTC's in the evening.
    .bind((first_week - chrono::Duration::days(1)).to_string())
    .fetch_all(pool)
    .await?;
    let mut meetings_per_week: Vec<(String, i64)> = (0..MEETING_WEEKS)
        .map(|week| {
            (
                (first_week + chrono::Duration::weeks(week as i64)).to_string(),
                0,
            )
        })
        .collect();
    for starts_at in &held {
        if let Some(day) = program_date(starts_at) {
            let week = week_of(day).to_string();
            if let Some(slot) = meetings_per_week.iter_mut().find(|(name, _)| *name == week) {
                slot.1 += 1;
            }
        }
    }
    Ok(meetings_per_week)
}

/// The agreed goals of the cohort's pairs: all of them, the achieved ones, and
/// those in progress past their target date on `today`.
async fn goal_counts(
    pool: &SqlitePool,
    cohort_id: i64,
    today: NaiveDate,
) -> Result<(i64, i64, i64), sqlx::Error> {
    sqlx::query_as(
        "SELECT COALESCE(SUM(g.agreement = 'agreed'), 0), \
                COALESCE(SUM(g.agreement = 'agreed' AND g.status = 'achieved'), 0), \
                COALESCE(SUM(g.agreement = 'agreed' AND g.status = 'in_progress' \
                             AND g.target_date < ?), 0) \
         FROM goals g JOIN pairs p ON p.id = g.pair_id WHERE p.cohort_id = ?",
    )
    .bind(today.to_string())
    .bind(cohort_id)
    .fetch_one(pool)
    .await
}
