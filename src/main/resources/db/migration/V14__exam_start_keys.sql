-- A start's Idempotency-Key (docs/api.md, "Idempotent starts"): a page that sends its start again
-- with the same key gets the attempt that key started, for 24 hours. Kept in PostgreSQL with the
-- attempt, written in the start's own statement, so that a key survives a Redis outage and a
-- replica that died after committing the start.
create table attempt_start_key (
    contest_id      bigint      not null references contest (id),
    idempotency_key varchar(64) not null,
    -- keyed hash (HMAC-SHA-256 under the privacy secret) of the start's body: the same key with
    -- another body is refused, and the body's personal data are not kept in clear
    request_hash    bytea       not null,
    attempt_id      uuid        not null references attempt (id) on delete cascade,
    created_at      timestamptz not null,
    primary key (contest_id, idempotency_key)
);
-- each keyed start deletes a few of its contest's keys older than 24 hours
create index attempt_start_key_contest_created on attempt_start_key (contest_id, created_at);
