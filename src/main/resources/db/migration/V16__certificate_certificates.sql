-- Certificates (issue 16): the contest's setting, and each certificate issued.

-- per contest, whether and to whom it issues certificates (the contest feature's column):
-- {"enabled": true, "minScore": 15, "issuer": "…", "place": "…"}; null: never set (off)
alter table contest add column certificate jsonb;

-- one certificate per person and contest stands at a time. What it states is fixed when it
-- is issued (the attempt, its score, the prize held), so that it downloads identically and
-- verifies as issued; the name and unit are read from the participant (retention anonymizes
-- them there). When what it would state changes (a later, better attempt; a prize finalized
-- or withdrawn), the next download issues a new one and this one is superseded.
create table certificate (
    -- 20 characters of Crockford's base 32: 100 random bits
    code           char(20)    primary key check (code ~ '^[0-9A-HJKMNP-TV-Z]{20}$'),
    contest_id     bigint      not null references contest (id),
    participant_id bigint      not null references participant (id),
    attempt_id     uuid        not null references attempt (id),
    score          integer     not null,
    total          integer     not null,
    -- the prizes held when issued, e.g. "Giải Nhất (Tuần 1)"; null if none
    prize          text,
    issued_at      timestamptz not null,
    superseded_at  timestamptz
);

create unique index certificate_standing on certificate (contest_id, participant_id)
    where superseded_at is null;
