-- Re-matching: a "not a fit" answer puts the mentee back on the board, so the
-- board's kept state and draft must follow the fit check's answers as they
-- follow pairs (see 20261201000007_board_changes).
CREATE TRIGGER board_changed_fit_checks_insert AFTER INSERT ON fit_checks
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_fit_checks_update AFTER UPDATE ON fit_checks
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;

CREATE TRIGGER board_changed_fit_checks_delete AFTER DELETE ON fit_checks
BEGIN
    UPDATE change_counters SET value = value + 1 WHERE name = 'board';
END;
