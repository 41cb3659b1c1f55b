-- Staff accounts: organizers, the award committee and administrators. Created from the
-- bootstrap passwords (CIVIQUIZ_*_PASSWORD) on first start, then managed by an admin.
create table account (
    id                  bigint generated always as identity primary key,
    username            varchar(64) not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    -- Spring Security's delegating format, e.g. {bcrypt}$2a$10$...
    password_hash       text        not null,
    role                varchar(16) not null check (role in ('ORGANIZER', 'COMMITTEE', 'ADMIN')),
    enabled             boolean     not null default true,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    -- bumped by every change of password, role or enabled state: a browser session holds
    -- the generation it logged in with, and is no longer valid once it differs
    session_generation  integer     not null default 0
);
