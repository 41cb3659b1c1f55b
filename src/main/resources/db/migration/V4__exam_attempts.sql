create table attempt (
    id              uuid primary key,
    contest_id      bigint      not null references contest (id),
    round_id        bigint      not null references contest_round (id),
    participant_id  bigint      not null references participant (id),
    -- SHA-256 of the attempt token; the token itself is only ever in the client's hands
    token_hash      bytea       not null,
    -- the drawn questions, in the order shown
    question_ids    bigint[]    not null,
    -- per drawn question, the option numbers (1..4 of question.options) in the order shown
    option_orders   jsonb       not null,
    started_at      timestamptz not null,
    deadline        timestamptz not null,
    status          varchar(16) not null default 'OPEN' check (status in ('OPEN', 'SUBMITTED', 'EXPIRED')),
    submitted_at    timestamptz,
    -- per drawn question (same order as question_ids), the chosen option number, 0 if unanswered
    answers         smallint[],
    prediction      bigint check (prediction >= 0),
    score           smallint,
    duration_ms     integer,
    client_ip_hash  bytea,
    user_agent      varchar(512),
    check (deadline > started_at),
    check ((status = 'SUBMITTED') = (submitted_at is not null)),
    check ((status = 'SUBMITTED') = (answers is not null and score is not null and duration_ms is not null))
);

-- one open attempt at a time per participant: a concurrent second start fails here
create unique index attempt_one_open_per_participant on attempt (participant_id) where status = 'OPEN';
create index attempt_round_participant on attempt (round_id, participant_id);
-- the attempt limit and open-attempt check at every start look up one participant's attempts
create index attempt_participant on attempt (participant_id);
create index attempt_contest_submitted on attempt (contest_id, submitted_at) where status = 'SUBMITTED';
