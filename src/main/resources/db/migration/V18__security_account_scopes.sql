-- An account's scope: the contests it may see, and within a contest the units it is limited
-- to ({"contests":[{"slug":"…","units":["HP-LC"]}]}; a contest without units is the whole
-- contest). Null is every contest, as before; only an admin grants that (accounts are the
-- admin's), and an admin account never has a scope. Contests are named by slug, which never
-- changes; a slug or unit code that no longer exists matches nothing.
alter table account add column scope jsonb
    check (scope is null or jsonb_typeof(scope -> 'contests') = 'array');
