-- Cached server data. Every row says when it was fetched so a read can tell how fresh it is.
-- Written for SQLite 3.15 (SQLCipher 3.4.1): no UPSERT, no RETURNING, no STRICT.

-- Tickets, orders and work orders: listed and filtered, so status and a sort time are columns;
-- the full resource is the JSON payload as the server sent it.
CREATE TABLE records (
    kind        TEXT    NOT NULL CHECK (kind IN ('ticket', 'order', 'workOrder')),
    id          TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    sort_time   INTEGER NOT NULL,  -- seconds since the epoch, newest first in lists
    payload     TEXT    NOT NULL,  -- JSON
    fetched_at  INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

CREATE INDEX records_by_status ON records (kind, status, sort_time);

-- Single documents: account summary, catalogue, a month's bill, notices.
CREATE TABLE cache_entries (
    key         TEXT    NOT NULL PRIMARY KEY,
    payload     TEXT    NOT NULL,  -- JSON
    fetched_at  INTEGER NOT NULL
) WITHOUT ROWID;
