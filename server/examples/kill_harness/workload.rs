//! The mixed workload: in each pair, the mentor and the mentee, each in a
//! thread of their own, send messages, propose goals, agree to the goals
//! the other proposed, plan meetings, and (the mentor) give feedback, some
//! of it assessing an agreed goal — all through the real server functions.
//! Every written text carries a marker (`kh:KILL:CLIENT:SEQ`) that finds it
//! in the database; every write the server acknowledged is recorded.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use leptos::server_fn::ServerFn;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::client::{Answer, Client};

/// Every marker starts so; the checks find the harness's rows by it.
pub const MARKER_PREFIX: &str = "kh:";

/// Every marker's length: `kh:KKKKK:CC:SSSSS` (kill, client, sequence),
/// so that none is the start of another and an email's can be cut out.
pub const MARKER_LEN: usize = 17;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Mentor,
    Mentee,
}

/// One person of one pair, signed in.
#[derive(Clone)]
pub struct Seat {
    pub pair_id: i64,
    pub side: Side,
    /// The `Cookie` header of their session (kept across restarts: sessions
    /// live in the database).
    pub cookie: Arc<String>,
}

/// What the two people of a pair know of each other's goals, across kills:
/// only ids of acknowledged writes.
#[derive(Default)]
pub struct PairGoals {
    /// Proposed by the mentee, waiting for the mentor's agreement.
    pub for_mentor: Mutex<Vec<i64>>,
    /// Proposed by the mentor, waiting for the mentee's agreement.
    pub for_mentee: Mutex<Vec<i64>>,
    /// Agreed: the mentor's feedback may assess them.
    pub agreed: Mutex<Vec<i64>>,
}

/// A write the server acknowledged, and where it must be.
#[derive(Debug, Clone)]
pub enum Write {
    /// `pair_messages.body`.
    Message { marker: String },
    /// `goals.title`, with the id the server answered.
    Goal { marker: String, id: i64 },
    /// `goals.agreement = 'agreed'` for this id.
    Agreement { goal_id: i64 },
    /// `meetings.location`.
    Meeting { marker: String },
    /// `feedback.strengths`.
    Feedback { marker: String },
}

/// The kinds of write, for the counts.
pub const KINDS: [&str; 5] = ["messages", "goals", "agreements", "meetings", "feedback"];

impl Write {
    pub fn kind(&self) -> usize {
        match self {
            Write::Message { .. } => 0,
            Write::Goal { .. } => 1,
            Write::Agreement { .. } => 2,
            Write::Meeting { .. } => 3,
            Write::Feedback { .. } => 4,
        }
    }
}

/// What one client did before the kill.
#[derive(Default)]
pub struct ClientRun {
    pub acknowledged: Vec<Write>,
    /// Calls without a whole answer, by kind: in flight at the kill.
    pub lost: [usize; 5],
    /// Calls the server refused while up: each is a failure of the run.
    pub refused: Vec<String>,
}

/// Starts one thread per seat, writing until `stop` is set.
pub fn start(
    client: &Client,
    seats: &[Seat],
    goals: &[Arc<PairGoals>],
    kill: usize,
    seed: u64,
    stop: &Arc<AtomicBool>,
) -> Vec<std::thread::JoinHandle<ClientRun>> {
    seats
        .iter()
        .zip(goals)
        .enumerate()
        .map(|(number, (seat, goals))| {
            let writer = Writer {
                client: client.clone(),
                seat: seat.clone(),
                goals: goals.clone(),
                marker_head: format!("{MARKER_PREFIX}{kill:05}:{number:02}"),
                rng: StdRng::seed_from_u64(seed ^ ((kill as u64) << 8) ^ number as u64),
                stop: stop.clone(),
                run: ClientRun::default(),
            };
            std::thread::spawn(move || writer.run())
        })
        .collect()
}

struct Writer {
    client: Client,
    seat: Seat,
    goals: Arc<PairGoals>,
    marker_head: String,
    rng: StdRng,
    stop: Arc<AtomicBool>,
    run: ClientRun,
}

/// What a call wrote, read from the server's answer (`None`: an answer
/// that does not say what the call should).
type Acknowledgement = Box<dyn FnOnce(&str) -> Option<Write>>;

/// One call about to be made.
struct Call {
    path: &'static str,
    fields: Vec<(&'static str, String)>,
    /// The write it makes, once the answer is known (the answer's text).
    acknowledged: Acknowledgement,
    kind: usize,
}

impl Writer {
    fn run(mut self) -> ClientRun {
        let mut sequence = 0_usize;
        while !self.stop.load(Ordering::Relaxed) {
            sequence += 1;
            let marker = format!("{}:{sequence:05}", self.marker_head);
            let call = self.next_call(marker);
            let fields: Vec<(&str, &str)> = call
                .fields
                .iter()
                .map(|(name, value)| (*name, value.as_str()))
                .collect();
            match self
                .client
                .call(call.path, &fields, Some(self.seat.cookie.as_str()))
            {
                Answer::Acknowledged(body) => match (call.acknowledged)(&body) {
                    Some(write) => {
                        self.remember(&write);
                        self.run.acknowledged.push(write);
                    }
                    None => self
                        .run
                        .refused
                        .push(format!("{}: unexpected answer {body}", call.path)),
                },
                Answer::Refused { status, body } => {
                    // After the kill the server cannot answer: a refusal came
                    // from a live server.
                    self.run
                        .refused
                        .push(format!("{}: {status} {body}", call.path));
                }
                Answer::Lost => {
                    self.run.lost[call.kind] += 1;
                    // The server is gone; the next call would be lost too.
                    break;
                }
            }
        }
        self.run
    }

    /// What the other threads of the pair may now build on.
    fn remember(&self, write: &Write) {
        let waiting = match self.seat.side {
            Side::Mentor => &self.goals.for_mentee,
            Side::Mentee => &self.goals.for_mentor,
        };
        match write {
            Write::Goal { id, .. } => push(waiting, *id),
            Write::Agreement { goal_id } => push(&self.goals.agreed, *goal_id),
            _ => {}
        }
    }

    fn next_call(&mut self, marker: String) -> Call {
        let pair = self.seat.pair_id.to_string();
        let roll = self.rng.random_range(0..100);
        let is_mentor = self.seat.side == Side::Mentor;
        if roll < 15 {
            let waiting = if is_mentor {
                &self.goals.for_mentor
            } else {
                &self.goals.for_mentee
            };
            // Taken off the list whatever the answer: a goal whose agreement
            // was lost in the kill is left as it is.
            if let Some(goal_id) = pop(waiting) {
                return agree_goal(goal_id);
            }
        }
        match roll {
            0..40 => send_message(pair, marker),
            40..62 => propose_goal(pair, marker),
            62..80 => {
                let days_ahead = self.rng.random_range(30..400);
                plan_meeting(pair, marker, days_ahead)
            }
            // Only the mentor gives feedback; the mentee writes instead.
            _ if is_mentor => {
                let goal = pick(&self.goals.agreed, &mut self.rng);
                let progress = self.rng.random_range(0..=100);
                give_feedback(pair, marker, goal.map(|id| (id, progress)))
            }
            _ => send_message(pair, marker),
        }
    }
}

fn send_message(pair: String, marker: String) -> Call {
    Call {
        path: app::messages::api::SendMessage::PATH,
        fields: vec![("pair_id", pair), ("body", marker.clone())],
        acknowledged: Box::new(move |_| Some(Write::Message { marker })),
        kind: 0,
    }
}

/// A goal with two milestones, named after it.
fn propose_goal(pair: String, marker: String) -> Call {
    Call {
        path: app::goals::api::ProposeGoal::PATH,
        fields: vec![
            ("pair_id", pair),
            ("title", marker.clone()),
            ("description", String::new()),
            ("success_criterion", "Both agree it is done".to_owned()),
            ("target_date", String::new()),
            ("milestones", format!("{marker}:m1\n{marker}:m2")),
        ],
        // The answer is the new goal's id.
        acknowledged: Box::new(move |body| {
            let id = serde_json::from_str::<i64>(body).ok()?;
            Some(Write::Goal { marker, id })
        }),
        kind: 1,
    }
}

/// Agrees to the goal at its first version (nobody else touched it).
fn agree_goal(goal_id: i64) -> Call {
    Call {
        path: app::goals::api::AgreeGoal::PATH,
        fields: vec![("id", goal_id.to_string()), ("version", "1".to_owned())],
        acknowledged: Box::new(move |_| Some(Write::Agreement { goal_id })),
        kind: 2,
    }
}

/// A video meeting `days_ahead` days from now, with one free objective.
fn plan_meeting(pair: String, marker: String, days_ahead: u64) -> Call {
    let date = chrono::Utc::now().date_naive() + chrono::Days::new(days_ahead);
    Call {
        path: app::meetings::api::PlanMeeting::PATH,
        fields: vec![
            ("pair_id", pair),
            ("date", date.format("%Y-%m-%d").to_string()),
            ("time", "18:30".to_owned()),
            ("duration_minutes", "60".to_owned()),
            ("modality", "video".to_owned()),
            ("location", marker.clone()),
            ("free_objectives", format!("{marker}:o")),
        ],
        acknowledged: Box::new(move |_| Some(Write::Meeting { marker })),
        kind: 3,
    }
}

/// The mentor's feedback; with a goal, it also assesses that goal.
fn give_feedback(pair: String, marker: String, goal: Option<(i64, i64)>) -> Call {
    let (goal_id, progress) = match goal {
        Some((id, progress)) => (id.to_string(), progress.to_string()),
        None => (String::new(), String::new()),
    };
    Call {
        path: app::feedback::api::GiveFeedback::PATH,
        fields: vec![
            ("pair_id", pair),
            ("meeting_id", String::new()),
            ("goal_id", goal_id),
            ("goal_progress", progress),
            ("strengths", marker.clone()),
            ("to_improve", "Keep notes".to_owned()),
            ("observations", "Steady progress".to_owned()),
            ("next_step", "Practise".to_owned()),
        ],
        acknowledged: Box::new(move |_| Some(Write::Feedback { marker })),
        kind: 4,
    }
}

fn push(list: &Mutex<Vec<i64>>, id: i64) {
    if let Ok(mut list) = list.lock() {
        list.push(id);
    }
}

fn pop(list: &Mutex<Vec<i64>>) -> Option<i64> {
    list.lock().ok().and_then(|mut list| list.pop())
}

fn pick(list: &Mutex<Vec<i64>>, rng: &mut StdRng) -> Option<i64> {
    let list = list.lock().ok()?;
    if list.is_empty() {
        None
    } else {
        Some(list[rng.random_range(0..list.len())])
    }
}
