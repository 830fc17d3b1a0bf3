-- The board now writes the draft's proposal emails in each person's language
-- (issue 19, item 2): its kept cohort must follow a change of language, as it
-- follows a change of name (20261201000007_board_changes).
DROP TRIGGER board_changed_accounts_update;

CREATE TRIGGER board_changed_accounts_update AFTER UPDATE OF display_name, is_disabled, locale ON accounts
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;
