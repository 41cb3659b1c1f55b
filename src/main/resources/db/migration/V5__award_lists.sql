-- what a contest awards and how it ranks: one plan per contest, revised as a whole;
-- every finalized list records the revision it used
create table prize_plan (
    contest_id bigint      primary key references contest (id),
    revision   integer     not null check (revision >= 1),
    plan       jsonb       not null,
    updated_at timestamptz not null,
    updated_by text        not null
);

-- attempts the committee has ruled out of the prizes, with the reason
create table award_exclusion (
    attempt_id  uuid        primary key references attempt (id),
    contest_id  bigint      not null references contest (id),
    reason      text        not null check (length(reason) between 1 and 1000),
    excluded_by text        not null,
    excluded_at timestamptz not null
);

-- a frozen winners list of a round, or of the whole contest when round_id is null
create table award_list (
    id                bigint generated always as identity primary key,
    contest_id        bigint      not null references contest (id),
    round_id          bigint references contest_round (id),
    status            varchar(16) not null check (status in ('FINALIZED', 'REOPENED')),
    rule_revision     integer     not null,
    actual_prediction bigint      not null,
    -- the whole list (winners, unit prizes, exclusions, who was passed over and why)
    document          jsonb       not null,
    -- the list's canonical CSV form as frozen: every export is made from it
    canonical         text        not null,
    -- SHA-256 (hex) of canonical
    sha256            char(64)    not null,
    finalized_at      timestamptz not null,
    finalized_by      text        not null,
    reopened_at       timestamptz,
    reopened_by       text,
    reopen_reason     text,
    check ((status = 'REOPENED') = (reopened_at is not null))
);

-- one standing list per round (and one for the contest): a concurrent second
-- finalization fails here
create unique index award_list_one_standing on award_list (contest_id, coalesce(round_id, 0))
    where status = 'FINALIZED';

-- who won what in a list: one prize per person per list
create table award_winner (
    list_id        bigint  not null references award_list (id),
    participant_id bigint  not null references participant (id),
    attempt_id     uuid    not null references attempt (id),
    rank           integer not null,
    prize          text    not null,
    -- the prize's place in its plan list (0 = highest); a contest prize outranks every
    -- round prize: how "only their highest prize" compares prizes across lists
    tier           integer not null,
    contest_prize  boolean not null,
    primary key (list_id, participant_id)
);

create index award_winner_participant on award_winner (participant_id);

-- every decision of the committee and the organizers about prizes, in order
create table award_log (
    id         bigint generated always as identity primary key,
    contest_id bigint      not null references contest (id),
    round_id   bigint references contest_round (id),
    action     varchar(32) not null,
    actor      text        not null,
    detail     text        not null default '',
    at         timestamptz not null
);

create index award_log_contest on award_log (contest_id, id);
