-- what the award committee's cheating signals read (the integrity feature)

-- HMAC-SHA-256 (as client_ip_hash) of the random device id the browser keeps and sends
-- when it starts an attempt; null when none (or no sane one) was sent
alter table attempt add column device_hash bytea;
-- the full name as typed at this start (cleaned as the participant's name is): a
-- returning participant keeps the name of their first registration, so this is the
-- only record of the other names used with one phone
alter table attempt add column entered_name text;

-- many participants from one network or one device in a short time: per contest, the
-- starts of one hash in time order, with who started them (read from the index alone)
create index attempt_contest_ip on attempt (contest_id, client_ip_hash, started_at) include (participant_id)
    where client_ip_hash is not null;
create index attempt_contest_device on attempt (contest_id, device_hash, started_at) include (participant_id)
    where device_hash is not null;
