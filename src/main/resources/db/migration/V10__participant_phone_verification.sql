-- Phone verification by one-time code (the participant feature), and what each start entered,
-- for the committee's PHONE_DETAILS_CHANGED signal (the integrity feature).

-- per contest: OFF (the phone as typed is taken, as before) or REQUIRED (a start needs the
-- proof that a code sent to the phone was entered). The codes themselves live in Redis, hashed,
-- for five minutes: nothing of them is here.
alter table contest add column phone_verification varchar(16) not null default 'OFF'
    check (phone_verification in ('OFF', 'REQUIRED'));

-- a returning participant keeps the unit and district of their first registration (as the
-- name: entered_name, V7): these are the only record of what another start entered. The unit
-- by its code, as chosen, so that the record outlives a unit's removal. Retention clears them.
alter table attempt add column entered_unit_code varchar(32);
alter table attempt add column entered_district text;
-- whether the start proved its phone with a code; false for every start made before
alter table attempt add column phone_verified boolean not null default false;
