-- A question bank's own row, to say whether its content is public: loaded from a file
-- shipped with the platform (the public repository and the jar, correct options included),
-- so that anyone can answer from it. Organizers' imports make a bank private.
create table question_bank (
    name       varchar(64) primary key,
    public     boolean     not null default false,
    updated_at timestamptz not null default now()
);

-- the banks that exist already; 'luat-htx-2023' is the one the embedded default's seed
-- (and the campaign replay) loads from the bundled file. Where organizers have imported
-- their own questions into it since, the warning this raises goes away with their next
-- import (which retires the bundled questions their file does not replace)
insert into question_bank (name, public)
select distinct bank, bank = 'luat-htx-2023' from question;

alter table question add foreign key (bank) references question_bank (name);
