create table question (
    id             bigint generated always as identity primary key,
    bank           varchar(64) not null,
    code           varchar(32) not null,
    chapter        smallint    not null check (chapter >= 1),
    article        smallint    not null check (article >= 1),
    text           text        not null check (length(text) > 0),
    options        text[]      not null check (cardinality(options) = 4),
    -- 1..4: position of the correct option in options
    correct_option smallint    not null check (correct_option between 1 and 4),
    explanation    text        not null default '',
    active         boolean     not null default true,
    updated_at     timestamptz not null default now(),
    unique (bank, code)
);

create index question_bank_active on question (bank) where active;
