create table participant (
    id               bigint generated always as identity primary key,
    contest_id       bigint      not null references contest (id),
    full_name        text        not null,
    -- E.164, e.g. +84912345678: one canonical form, so one phone is one person
    phone            varchar(16) not null,
    email            text,
    -- HMAC-SHA-256 under civiquiz.privacy.hash-secret; the ID itself is never stored
    national_id_hash bytea,
    unit_id          bigint      not null references unit (id),
    district         text        not null,
    birth_year       smallint    not null,
    consent_at       timestamptz not null,
    created_at       timestamptz not null default now(),
    unique (contest_id, phone)
);
