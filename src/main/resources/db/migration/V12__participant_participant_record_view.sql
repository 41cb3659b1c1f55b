-- What other features (awards, integrity signals, exact statistics) read of participants: the
-- participant feature owns the table and writes it alone; the others read this view (the
-- hash of the national ID stays out of it).
create view participant_record as
select id, contest_id, full_name, phone, email, unit_id, district, birth_year, consent_at, created_at,
       consent_text_id, anonymized_at
from participant;
