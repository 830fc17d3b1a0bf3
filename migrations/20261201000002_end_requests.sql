-- A mentee or a mentor may ask the coordination to end their active pair,
-- with a reason written for the coordination only (the other person never
-- reads it). The coordinator then ends the pair (or talks with them first);
-- a pair no longer active keeps the request as history.
ALTER TABLE pairs ADD COLUMN end_requested_side TEXT
    CHECK (end_requested_side IS NULL OR end_requested_side IN ('mentor', 'mentee'));
ALTER TABLE pairs ADD COLUMN end_requested_at TEXT;
ALTER TABLE pairs ADD COLUMN end_request_reason TEXT
    CHECK (end_request_reason IS NULL OR length(end_request_reason) <= 2000);
