-- A contest may be unranked: practice ("thi thử"). Such a contest has no leaderboards, no
-- prizes and no public figures; its attempts are not limited unless the organizer sets a limit
-- (0 = unlimited, allowed for unranked contests only), and it asks no prediction question (the
-- prediction only breaks ties between winners), so the question may be left blank.
alter table contest add column ranked boolean not null default true;

alter table contest drop constraint contest_max_attempts_per_round_check;
alter table contest add constraint contest_max_attempts_per_round_check
    check (max_attempts_per_round between 0 and 100 and (max_attempts_per_round > 0 or not ranked));
