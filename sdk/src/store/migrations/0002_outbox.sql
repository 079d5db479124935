-- The outbox: writes accepted while offline (or not yet confirmed by the server). A row is the
-- promise that the command will reach the server exactly once; its idempotency key is generated
-- when the row is written, before any attempt, so every retry carries the same key.
CREATE TABLE outbox (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,  -- send order; never reused
    command          TEXT    NOT NULL,                   -- c-abi command name, e.g. "ticket.create"
    payload          TEXT    NOT NULL,                   -- JSON arguments
    idempotency_key  TEXT    NOT NULL UNIQUE,
    state            TEXT    NOT NULL DEFAULT 'pending'
                     CHECK (state IN ('pending', 'failed')),
    created_at       INTEGER NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_attempt_at  INTEGER,
    next_attempt_at  INTEGER NOT NULL,
    last_error       TEXT                                -- error id only, never a message with data
);

CREATE INDEX outbox_due ON outbox (state, next_attempt_at, seq);
