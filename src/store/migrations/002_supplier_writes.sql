-- Writes the gateway has sent to a supplier and not yet journaled. A poller that read a supplier
-- while one of them was under way waits for it before recording what it saw, so a change the
-- gateway made is recorded once, as its MUTATION event, and not first as a POLLING one.
-- expires_at frees a row whose process died before ending it.
CREATE TABLE supplier_writes (
  id         bigserial   PRIMARY KEY,
  supplier   text        NOT NULL,
  operation  text        NOT NULL,
  started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX supplier_writes_by_supplier ON supplier_writes (supplier, started_at);
