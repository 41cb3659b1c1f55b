create table contest (
    id                     bigint generated always as identity primary key,
    slug                   varchar(64) not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title                  text        not null,
    law                    text        not null,
    description            text        not null default '',
    rules                  text        not null default '',
    question_bank          varchar(64) not null,
    opens_at               timestamptz not null,
    closes_at              timestamptz not null,
    time_limit_seconds     integer     not null check (time_limit_seconds between 60 and 7200),
    -- at most 31: the live leaderboard packs a score into 5 bits
    questions_per_attempt  integer     not null default 20 check (questions_per_attempt between 1 and 31),
    max_attempts_per_round integer     not null default 1 check (max_attempts_per_round between 1 and 100),
    -- minimum number of questions drawn from each chapter, e.g. {"1": 3, "2": 2}
    chapter_quotas         jsonb       not null default '{}',
    prediction_question    text        not null,
    districts              text[]      not null default '{}',
    status                 varchar(16) not null default 'DRAFT'
        check (status in ('DRAFT', 'OPEN', 'CLOSED', 'FINALIZED')),
    created_at             timestamptz not null default now(),
    check (closes_at > opens_at)
);

create table contest_round (
    id         bigint generated always as identity primary key,
    contest_id bigint      not null references contest (id),
    number     integer     not null check (number >= 1),
    name       text        not null,
    opens_at   timestamptz not null,
    closes_at  timestamptz not null,
    unique (contest_id, number),
    check (closes_at > opens_at)
);

-- the organisation or locality a participant belongs to
create table unit (
    id         bigint generated always as identity primary key,
    contest_id bigint      not null references contest (id),
    code       varchar(32) not null,
    name       text        not null,
    parent_id  bigint references unit (id),
    headcount  integer check (headcount >= 0),
    unique (contest_id, code)
);
