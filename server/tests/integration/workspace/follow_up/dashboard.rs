//! The program dashboard: the demo's hand-counted figures, every kind of
//! attention item, and the figures exported as CSV.
use super::*;

#[tokio::test]
async fn the_demo_cohort_s_dashboard_shows_the_hand_counted_figures() {
    let demo = Demo::new().await;
    let figures = demo.dashboard().await.figures;
    // 40 mentees: 1 in a proposal, 6 in active pairs (3 workspaces + 3 stalled), the rest waiting.
    assert_eq!(figures.pairs_proposed, 1);
    assert_eq!(figures.pairs_active, 6);
    assert_eq!(figures.pairs_ended, 1);
    assert_eq!(figures.mentees_waiting, 33);
    assert_eq!(figures.mentors, 15);
    assert_eq!(figures.places_used, 7);
    // Free places: every mentor's capacity less their open pairs, paused mentors left out.
    let free: i64 = sqlx::query_scalar(
        "SELECT SUM(MAX(p.capacity - (SELECT COUNT(*) FROM pairs x WHERE x.mentor_profile_id = p.id \
                AND x.status IN ('proposed', 'active')), 0)) \
         FROM profiles p WHERE p.role = 'mentor' AND p.cohort_id IS NOT NULL \
           AND (p.paused_until IS NULL OR p.paused_until < date('now'))",
    )
    .fetch_one(&demo.app.pool)
    .await
    .expect("free places");
    assert_eq!(figures.places_free, free);
    // Held in the last 8 weeks: Amina 28 and 7 days ago, Emily 4, the stalled pair 40,
    // the doubtful pair 33, 26, 19 and 12.
    assert_eq!(figures.meetings_per_week.len(), 8);
    assert_eq!(
        figures
            .meetings_per_week
            .iter()
            .map(|(_, count)| count)
            .sum::<i64>(),
        8
    );
    // Agreed: Amina 2, Emily 2, the stalled pair 1 (overdue), the doubtful pair 1
    // (achieved, like Emily's portfolio).
    assert_eq!(
        (
            figures.goals_agreed,
            figures.goals_achieved,
            figures.goals_overdue
        ),
        (6, 2, 1)
    );
    // Amina acknowledged hers; Emily's and the doubtful pair's wait.
    assert_eq!(
        (figures.feedback_given, figures.feedback_acknowledged),
        (3, 1)
    );
    assert_eq!(
        (
            figures.fit_good,
            figures.fit_not_sure,
            figures.fit_not_a_fit
        ),
        (1, 1, 1)
    );
    let statuses: Vec<&str> = figures
        .applications
        .iter()
        .filter(|(_, count)| *count > 0)
        .map(|(status, _)| status.as_str())
        .collect();
    for status in [
        "submitted",
        "info_requested",
        "accepted",
        "declined",
        "withdrawn",
    ] {
        assert!(statuses.contains(&status), "{status} in {statuses:?}");
    }
}

#[tokio::test]
async fn the_demo_lights_every_kind_of_attention_item_most_urgent_first() {
    let demo = Demo::new().await;
    let dashboard = demo.dashboard().await;
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for row in &dashboard.attention {
        *kinds.entry(row.item.detail.kind()).or_default() += 1;
    }
    let expected: BTreeMap<&str, usize> = [
        ("proposal", 1),
        ("no_meeting", 2),
        ("unlogged", 1),
        ("milestone", 2),
        ("feedback", 1),
        ("fit", 2),
        ("waiting", 3),
        ("mentor", 2),
    ]
    .into_iter()
    .collect();
    assert_eq!(kinds, expected);
    assert!(dashboard.set_aside.is_empty());
    let urgencies: Vec<u32> = dashboard
        .attention
        .iter()
        .map(|row| row.item.urgency)
        .collect();
    assert!(
        urgencies.windows(2).all(|pair| pair[0] >= pair[1]),
        "{urgencies:?}"
    );
    assert_eq!(dashboard.attention[0].item.detail.kind(), "fit");

    // The page says why in words, and links to where to act.
    let page = demo
        .app
        .get_with_cookie("/coordinator?cohort=hiver-2025", &demo.coordinator)
        .await;
    page.assert_status(StatusCode::OK);
    assert!(page.body.contains("Bonjour, Claire Gagnon"));
    assert!(page
        .body
        .contains("aucune rencontre tenue depuis le début du jumelage"));
    assert!(page.body.contains("estime que le jumelage"));
    assert!(page.body.contains("<svg"), "charts are drawn on the server");
    assert!(
        !page.body.contains(" style=\""),
        "no inline style (the CSP forbids it)"
    );
}

#[tokio::test]
async fn the_dashboard_s_figures_export_as_csv_in_the_reader_s_language() {
    let demo = Demo::new().await;
    let read = |body: &str| -> Vec<Vec<String>> {
        let text = body
            .strip_prefix('\u{feff}')
            .expect("a byte-order mark first");
        csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(|record| {
                record
                    .expect("a CSV row")
                    .iter()
                    .map(str::to_owned)
                    .collect()
            })
            .collect()
    };
    let french = demo
        .app
        .get_with_cookie(
            "/coordinator/exports/hiver-2025/figures.csv",
            &demo.coordinator,
        )
        .await;
    french.assert_status(StatusCode::OK);
    assert!(
        french.body.starts_with("\u{feff}Indicateur,Valeur"),
        "{}",
        french.body
    );
    let rows = read(&french.body);
    let value = |rows: &[Vec<String>], label: &str| -> String {
        rows.iter()
            .find(|row| row[0] == label)
            .map(|row| row[1].clone())
            .unwrap_or_else(|| panic!("a row {label}: {rows:?}"))
    };
    assert_eq!(value(&rows, "Jumelages actifs"), "6");
    assert_eq!(value(&rows, "Mentoré·e·s en attente"), "33");
    let english = demo
        .app
        .get_with_cookie(
            "/coordinator/exports/hiver-2025/figures.csv",
            &format!("{}; i18n_pref_locale=en", demo.coordinator),
        )
        .await;
    let rows = read(&english.body);
    assert_eq!(value(&rows, "Pairs active"), "6");
    assert_eq!(value(&rows, "It does not suit me"), "1");
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE event = 'data_exported' AND detail = 'hiver-2025/figures'",
    )
    .fetch_one(&demo.app.pool)
    .await
    .expect("count");
    assert_eq!(audited, 2);
}
