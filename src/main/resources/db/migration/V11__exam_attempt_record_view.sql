-- What other features (awards, integrity signals, exact statistics) read of attempts: every
-- column but the token's hash. The exam feature owns the attempt table and writes it alone;
-- the others read this view, so that a change to the table is made here with the view kept
-- whole (TableOwnershipTests keeps other features' SQL off the table; their integration
-- tests read through the view). A view on one table adds nothing to a query's plan.
create view attempt_record as
select id, contest_id, round_id, participant_id, question_ids, option_orders, started_at, deadline, status,
       submitted_at, answers, prediction, score, duration_ms, client_ip_hash, user_agent, device_hash,
       entered_name, entered_unit_code, entered_district, phone_verified
from attempt;
