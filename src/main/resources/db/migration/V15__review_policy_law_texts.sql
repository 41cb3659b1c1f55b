-- The learning loop (issue 16): when a participant may review an attempt and read the answer
-- key (the contest feature's setting), and the law's own words that a review shows beside each
-- question (the question feature's tables, loaded with the bank).

-- AFTER_SUBMISSION (right after each submission: practice), AFTER_ROUND_CLOSES (once the
-- attempt's round has closed and the submission grace has passed), AFTER_CONTEST_CLOSES (the
-- default: a bank is reused across rounds, so its key stays secret until the end) or NEVER
alter table contest add column review_policy varchar(24) not null default 'AFTER_CONTEST_CLOSES'
    check (review_policy in ('AFTER_SUBMISSION', 'AFTER_ROUND_CLOSES', 'AFTER_CONTEST_CLOSES', 'NEVER'));

-- a bank's law, chapter by chapter: the title a review's per-chapter summary names
create table law_chapter (
    bank    varchar(64)  not null references question_bank (name),
    chapter smallint     not null check (chapter >= 1),
    title   text         not null check (length(title) > 0),
    primary key (bank, chapter)
);

-- a bank's law, article by article (Điều N): its title and its own text, which a review shows
-- for each question that cites it. A question whose article has no row here shows its
-- explanation only.
create table law_article (
    bank    varchar(64) not null references question_bank (name),
    article smallint    not null check (article >= 1),
    chapter smallint    not null check (chapter >= 1),
    title   text        not null check (length(title) > 0),
    text    text        not null check (length(text) > 0),
    primary key (bank, article)
);
