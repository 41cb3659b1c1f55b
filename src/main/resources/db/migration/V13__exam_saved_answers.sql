-- Answers saved on the server while an attempt is open (issue 15), and what happens to an
-- attempt whose time ran out unsubmitted.

-- per contest: AUTO_SUBMIT (an overdue attempt with a save is finished from its last save) or
-- DISCARD (it expires, as before this migration)
alter table contest add column overdue_handling varchar(16) not null default 'AUTO_SUBMIT'
    check (overdue_handling in ('AUTO_SUBMIT', 'DISCARD'));

-- the last save: per drawn question (same order as question_ids) the chosen option number, 0 if
-- unanswered; the prediction; when. A later save replaces it whole (one UPDATE per save).
alter table attempt add column saved_answers smallint[];
alter table attempt add column saved_prediction bigint check (saved_prediction >= 0);
alter table attempt add column saved_at timestamptz;
-- finished by the server from its last save when its time ran out (submitted_at = deadline)
alter table attempt add column auto_submitted boolean not null default false;
alter table attempt add check (not auto_submitted or status = 'SUBMITTED');

-- the overdue sweeper's look-up: open attempts by deadline (a small index: only open ones)
create index attempt_open_deadline on attempt (deadline) where status = 'OPEN';

-- what other features read: the view as V11 made it, and whether the attempt was finished
-- automatically
create or replace view attempt_record as
select id, contest_id, round_id, participant_id, question_ids, option_orders, started_at, deadline, status,
       submitted_at, answers, prediction, score, duration_ms, client_ip_hash, user_agent, device_hash,
       entered_name, entered_unit_code, entered_district, phone_verified, auto_submitted
from attempt;
