-- A counter every change the matching board reads moves on, so that the
-- server may keep a cohort's loaded people in memory and reload them only
-- when it changed (the board at 5,000 × 1,000 reloaded 6,000 profiles and
-- their lists on every request). Triggers, not application code, move it:
-- no write can forget to.
CREATE TABLE change_counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO change_counters (name, value) VALUES ('board', 0);

CREATE TRIGGER board_changed_profiles_insert AFTER INSERT ON profiles
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_profiles_update AFTER UPDATE ON profiles
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_profiles_delete AFTER DELETE ON profiles
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_profile_domains_insert AFTER INSERT ON profile_domains
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_profile_domains_update AFTER UPDATE ON profile_domains
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_profile_domains_delete AFTER DELETE ON profile_domains
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_profile_skills_insert AFTER INSERT ON profile_skills
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_profile_skills_update AFTER UPDATE ON profile_skills
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_profile_skills_delete AFTER DELETE ON profile_skills
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_profile_languages_insert AFTER INSERT ON profile_languages
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_profile_languages_update AFTER UPDATE ON profile_languages
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_profile_languages_delete AFTER DELETE ON profile_languages
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_pairs_insert AFTER INSERT ON pairs
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_pairs_update AFTER UPDATE ON pairs
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_pairs_delete AFTER DELETE ON pairs
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_pair_constraints_insert AFTER INSERT ON pair_constraints
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_pair_constraints_update AFTER UPDATE ON pair_constraints
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_pair_constraints_delete AFTER DELETE ON pair_constraints
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_matching_settings_insert AFTER INSERT ON matching_settings
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_matching_settings_update AFTER UPDATE ON matching_settings
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_matching_settings_delete AFTER DELETE ON matching_settings
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

-- Accounts: only what the board shows or filters on.

CREATE TRIGGER board_changed_accounts_update AFTER UPDATE OF display_name, is_disabled ON accounts
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

-- Taxonomy: codes and their order.

CREATE TRIGGER board_changed_domains_insert AFTER INSERT ON domains
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_domains_update AFTER UPDATE OF code, position ON domains
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_domains_delete AFTER DELETE ON domains
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_skills_insert AFTER INSERT ON skills
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_skills_update AFTER UPDATE OF code, position ON skills
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_skills_delete AFTER DELETE ON skills
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;
