//! iCalendar (RFC 5545) text for meetings: plain Rust, no web and no
//! database. The words (summary, description) come in already translated.
use chrono::{DateTime, Duration, Utc};

/// How a calendar should show the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventStatus {
    /// Planned, not yet agreed by both people.
    Tentative,
    Confirmed,
    Cancelled,
}

impl EventStatus {
    fn as_str(self) -> &'static str {
        match self {
            EventStatus::Tentative => "TENTATIVE",
            EventStatus::Confirmed => "CONFIRMED",
            EventStatus::Cancelled => "CANCELLED",
        }
    }
}

/// One meeting as a calendar event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Stable across changes, so that calendars update the event in place.
    pub uid: String,
    /// Grows with every change (the meeting's version).
    pub sequence: i64,
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: i64,
    pub summary: String,
    pub location: Option<String>,
    pub description: String,
    pub url: Option<String>,
    pub status: EventStatus,
}

/// A whole calendar: `name` is shown by calendar apps for a subscribed feed.
/// Lines end in CRLF and are folded at 75 octets, as the standard asks.
pub fn calendar(name: &str, events: &[CalendarEvent], stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Mentorat//Mentorat//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    push_line(&mut out, &format!("X-WR-CALNAME:{}", escape_text(name)));
    push_line(&mut out, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    push_line(&mut out, "X-PUBLISHED-TTL:PT1H");
    for event in events {
        push_event(&mut out, event, stamp);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

fn push_event(out: &mut String, event: &CalendarEvent, stamp: DateTime<Utc>) {
    let ends_at = event.starts_at + Duration::minutes(event.duration_minutes);
    push_line(out, "BEGIN:VEVENT");
    push_line(out, &format!("UID:{}", escape_text(&event.uid)));
    push_line(out, &format!("SEQUENCE:{}", event.sequence.max(0)));
    push_line(out, &format!("DTSTAMP:{}", utc_stamp(stamp)));
    push_line(out, &format!("DTSTART:{}", utc_stamp(event.starts_at)));
    push_line(out, &format!("DTEND:{}", utc_stamp(ends_at)));
    push_line(out, &format!("SUMMARY:{}", escape_text(&event.summary)));
    if let Some(location) = &event.location {
        push_line(out, &format!("LOCATION:{}", escape_text(location)));
    }
    if !event.description.is_empty() {
        push_line(
            out,
            &format!("DESCRIPTION:{}", escape_text(&event.description)),
        );
    }
    if let Some(url) = &event.url {
        // A URI value: not escaped, but it must stay on its property.
        push_line(out, &format!("URL:{}", url.replace(['\r', '\n'], "")));
    }
    push_line(out, &format!("STATUS:{}", event.status.as_str()));
    push_line(out, "TRANSP:OPAQUE");
    push_line(out, "END:VEVENT");
}

/// `20261203T190000Z`
fn utc_stamp(time: DateTime<Utc>) -> String {
    time.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A TEXT value: backslash, semicolon, comma and line breaks escaped.
pub fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                escaped.push_str("\\n");
            }
            '\n' => escaped.push_str("\\n"),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// Appends a content line, folded so that no physical line exceeds 75
/// octets (continuations start with a space), never inside a character.
fn push_line(out: &mut String, line: &str) {
    const LIMIT: usize = 75;
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn event() -> CalendarEvent {
        CalendarEvent {
            uid: "meeting-12@mentorat.example".to_owned(),
            sequence: 3,
            starts_at: Utc.with_ymd_and_hms(2026, 12, 3, 19, 0, 0).unwrap(),
            duration_minutes: 90,
            summary: "Mentorat : Marc Tremblay, Amina Diallo".to_owned(),
            location: Some("Café Olimpico, 124 rue St-Viateur".to_owned()),
            description: "Objectifs :\n- Réviser le CV; la lettre".to_owned(),
            url: Some("https://mentorat.example/mentee".to_owned()),
            status: EventStatus::Confirmed,
        }
    }

    fn unfolded(text: &str) -> String {
        text.replace("\r\n ", "")
    }

    #[test]
    fn an_event_carries_utc_times_its_end_and_its_version() {
        let stamp = Utc.with_ymd_and_hms(2026, 11, 28, 1, 2, 3).unwrap();
        let text = unfolded(&calendar("Mentorat", &[event()], stamp));
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        for line in [
            "UID:meeting-12@mentorat.example",
            "SEQUENCE:3",
            "DTSTAMP:20261128T010203Z",
            "DTSTART:20261203T190000Z",
            "DTEND:20261203T203000Z",
            "STATUS:CONFIRMED",
            "URL:https://mentorat.example/mentee",
        ] {
            assert!(
                text.contains(&format!("\r\n{line}\r\n")),
                "{line} in {text}"
            );
        }
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(
            escape_text("a,b;c\\d\ne\r\nf\u{7}"),
            "a\\,b\\;c\\\\d\\ne\\nf"
        );
        let text = unfolded(&calendar("Mentorat", &[event()], Utc::now()));
        assert!(text.contains("LOCATION:Café Olimpico\\, 124 rue St-Viateur\r\n"));
        assert!(text.contains("DESCRIPTION:Objectifs :\\n- Réviser le CV\\; la lettre\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let mut long = event();
        long.description = "é".repeat(100);
        let text = calendar("Mentorat", &[long], Utc::now());
        assert!(text.split("\r\n").all(|line| line.len() <= 75));
        assert!(unfolded(&text).contains(&format!("DESCRIPTION:{}", "é".repeat(100))));
    }

    #[test]
    fn a_line_break_in_a_link_cannot_add_a_property() {
        let mut sneaky = event();
        sneaky.url = Some("https://x.example/\r\nATTENDEE:evil".to_owned());
        let text = calendar("Mentorat", &[sneaky], Utc::now());
        assert!(!text.contains("\r\nATTENDEE"));
    }
}
