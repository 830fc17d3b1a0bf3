-- A second counter, 'pages', that every write to a table a page may read
-- moves on, so that the server may keep a rendered page in memory and serve
-- it again until something changed (`server/src/page_cache.rs`). Triggers,
-- as for the board's counter: no write can forget to, whether it comes from
-- a request, a background task or another process on the same file.
-- Left out: the counters themselves, the sessions (an idle refresh once a
-- minute; who is signed in is checked on every request anyway) and sign-in
-- failures (throttle bookkeeping no page shows: a flood of wrong passwords
-- must not empty the cache). A test checks that every other table has its
-- three triggers.
INSERT INTO change_counters (name, value) VALUES ('pages', 0);

CREATE TRIGGER pages_changed_accounts_insert AFTER INSERT ON accounts
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_accounts_update AFTER UPDATE ON accounts
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_accounts_delete AFTER DELETE ON accounts
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_action_links_insert AFTER INSERT ON action_links
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_action_links_update AFTER UPDATE ON action_links
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_action_links_delete AFTER DELETE ON action_links
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_application_domains_insert AFTER INSERT ON application_domains
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_application_domains_update AFTER UPDATE ON application_domains
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_application_domains_delete AFTER DELETE ON application_domains
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_application_events_insert AFTER INSERT ON application_events
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_application_events_update AFTER UPDATE ON application_events
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_application_events_delete AFTER DELETE ON application_events
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_application_languages_insert AFTER INSERT ON application_languages
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_application_languages_update AFTER UPDATE ON application_languages
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_application_languages_delete AFTER DELETE ON application_languages
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_application_links_insert AFTER INSERT ON application_links
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_application_links_update AFTER UPDATE ON application_links
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_application_links_delete AFTER DELETE ON application_links
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_application_skills_insert AFTER INSERT ON application_skills
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_application_skills_update AFTER UPDATE ON application_skills
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_application_skills_delete AFTER DELETE ON application_skills
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_attention_decisions_insert AFTER INSERT ON attention_decisions
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_attention_decisions_update AFTER UPDATE ON attention_decisions
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_attention_decisions_delete AFTER DELETE ON attention_decisions
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_audit_log_insert AFTER INSERT ON audit_log
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_audit_log_update AFTER UPDATE ON audit_log
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_audit_log_delete AFTER DELETE ON audit_log
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_calendar_feeds_insert AFTER INSERT ON calendar_feeds
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_calendar_feeds_update AFTER UPDATE ON calendar_feeds
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_calendar_feeds_delete AFTER DELETE ON calendar_feeds
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_cohorts_insert AFTER INSERT ON cohorts
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_cohorts_update AFTER UPDATE ON cohorts
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_cohorts_delete AFTER DELETE ON cohorts
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_domains_insert AFTER INSERT ON domains
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_domains_update AFTER UPDATE ON domains
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_domains_delete AFTER DELETE ON domains
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_feedback_insert AFTER INSERT ON feedback
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_feedback_update AFTER UPDATE ON feedback
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_feedback_delete AFTER DELETE ON feedback
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_fit_checks_insert AFTER INSERT ON fit_checks
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_fit_checks_update AFTER UPDATE ON fit_checks
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_fit_checks_delete AFTER DELETE ON fit_checks
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_follow_up_settings_insert AFTER INSERT ON follow_up_settings
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_follow_up_settings_update AFTER UPDATE ON follow_up_settings
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_follow_up_settings_delete AFTER DELETE ON follow_up_settings
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_goal_events_insert AFTER INSERT ON goal_events
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_goal_events_update AFTER UPDATE ON goal_events
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_goal_events_delete AFTER DELETE ON goal_events
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_goal_needs_insert AFTER INSERT ON goal_needs
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_goal_needs_update AFTER UPDATE ON goal_needs
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_goal_needs_delete AFTER DELETE ON goal_needs
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_goals_insert AFTER INSERT ON goals
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_goals_update AFTER UPDATE ON goals
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_goals_delete AFTER DELETE ON goals
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_held_notices_insert AFTER INSERT ON held_notices
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_held_notices_update AFTER UPDATE ON held_notices
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_held_notices_delete AFTER DELETE ON held_notices
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_invitations_insert AFTER INSERT ON invitations
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_invitations_update AFTER UPDATE ON invitations
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_invitations_delete AFTER DELETE ON invitations
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_matching_drafts_insert AFTER INSERT ON matching_drafts
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_matching_drafts_update AFTER UPDATE ON matching_drafts
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_matching_drafts_delete AFTER DELETE ON matching_drafts
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_matching_settings_insert AFTER INSERT ON matching_settings
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_matching_settings_update AFTER UPDATE ON matching_settings
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_matching_settings_delete AFTER DELETE ON matching_settings
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_meeting_next_steps_insert AFTER INSERT ON meeting_next_steps
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_meeting_next_steps_update AFTER UPDATE ON meeting_next_steps
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_meeting_next_steps_delete AFTER DELETE ON meeting_next_steps
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_meeting_objectives_insert AFTER INSERT ON meeting_objectives
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_meeting_objectives_update AFTER UPDATE ON meeting_objectives
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_meeting_objectives_delete AFTER DELETE ON meeting_objectives
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_meeting_private_notes_insert AFTER INSERT ON meeting_private_notes
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_meeting_private_notes_update AFTER UPDATE ON meeting_private_notes
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_meeting_private_notes_delete AFTER DELETE ON meeting_private_notes
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_meetings_insert AFTER INSERT ON meetings
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_meetings_update AFTER UPDATE ON meetings
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_meetings_delete AFTER DELETE ON meetings
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_mentor_applications_insert AFTER INSERT ON mentor_applications
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_mentor_applications_update AFTER UPDATE ON mentor_applications
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_mentor_applications_delete AFTER DELETE ON mentor_applications
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_milestones_insert AFTER INSERT ON milestones
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_milestones_update AFTER UPDATE ON milestones
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_milestones_delete AFTER DELETE ON milestones
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_nudges_insert AFTER INSERT ON nudges
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_nudges_update AFTER UPDATE ON nudges
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_nudges_delete AFTER DELETE ON nudges
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_outbox_insert AFTER INSERT ON outbox
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_outbox_update AFTER UPDATE ON outbox
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_outbox_delete AFTER DELETE ON outbox
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_pair_constraints_insert AFTER INSERT ON pair_constraints
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_pair_constraints_update AFTER UPDATE ON pair_constraints
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_pair_constraints_delete AFTER DELETE ON pair_constraints
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_pair_contact_sharing_insert AFTER INSERT ON pair_contact_sharing
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_pair_contact_sharing_update AFTER UPDATE ON pair_contact_sharing
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_pair_contact_sharing_delete AFTER DELETE ON pair_contact_sharing
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_pair_message_reads_insert AFTER INSERT ON pair_message_reads
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_pair_message_reads_update AFTER UPDATE ON pair_message_reads
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_pair_message_reads_delete AFTER DELETE ON pair_message_reads
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_pair_messages_insert AFTER INSERT ON pair_messages
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_pair_messages_update AFTER UPDATE ON pair_messages
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_pair_messages_delete AFTER DELETE ON pair_messages
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_pairs_insert AFTER INSERT ON pairs
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_pairs_update AFTER UPDATE ON pairs
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_pairs_delete AFTER DELETE ON pairs
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_password_resets_insert AFTER INSERT ON password_resets
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_password_resets_update AFTER UPDATE ON password_resets
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_password_resets_delete AFTER DELETE ON password_resets
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_profile_domains_insert AFTER INSERT ON profile_domains
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_profile_domains_update AFTER UPDATE ON profile_domains
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_profile_domains_delete AFTER DELETE ON profile_domains
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_profile_languages_insert AFTER INSERT ON profile_languages
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_profile_languages_update AFTER UPDATE ON profile_languages
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_profile_languages_delete AFTER DELETE ON profile_languages
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_profile_skills_insert AFTER INSERT ON profile_skills
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_profile_skills_update AFTER UPDATE ON profile_skills
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_profile_skills_delete AFTER DELETE ON profile_skills
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_profiles_insert AFTER INSERT ON profiles
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_profiles_update AFTER UPDATE ON profiles
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_profiles_delete AFTER DELETE ON profiles
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_program_settings_insert AFTER INSERT ON program_settings
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_program_settings_update AFTER UPDATE ON program_settings
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_program_settings_delete AFTER DELETE ON program_settings
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_skills_insert AFTER INSERT ON skills
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_skills_update AFTER UPDATE ON skills
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;

CREATE TRIGGER pages_changed_skills_delete AFTER DELETE ON skills
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'pages';
END;
