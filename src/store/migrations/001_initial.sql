-- The gateway's own state. One dialect for PGlite and PostgreSQL; applied by migrate.ts.
-- Money inside jsonb keeps Money.minor as a decimal string ({"$bigint": "..."}), never a float.

-- One row per idempotency key of a mutation. state: pending (a lease owner is working on it),
-- partial (finished with part of the work done; the next claim takes it over), done (response is
-- the answer every replay gets).
CREATE TABLE idempotency_keys (
  scope        text        NOT NULL,
  operation    text        NOT NULL,
  key          text        NOT NULL,
  request_hash text        NOT NULL,
  state        text        NOT NULL CHECK (state IN ('pending', 'partial', 'done')),
  lease_owner  text,
  lease_until  timestamptz,
  response     jsonb,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  PRIMARY KEY (scope, operation, key)
);

-- One row per supplier order the gateway means to place, written before the call is sent.
CREATE TABLE placements (
  id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  scope      text        NOT NULL,
  key        text        NOT NULL,
  supplier   text        NOT NULL,
  token      text        NOT NULL,
  request    jsonb       NOT NULL,
  state      text        NOT NULL DEFAULT 'sending'
             CHECK (state IN ('sending', 'placed', 'submitted', 'rejected', 'unknown')),
  outcome    jsonb,
  attempts   integer     NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (supplier, token),
  UNIQUE (scope, key, supplier)
);

-- Every order placed through the gateway: the read side for suppliers without one (centre).
CREATE TABLE journal_orders (
  supplier           text        NOT NULL,
  supplier_order_id  text        NOT NULL,
  placement_id       uuid,
  scope              text        NOT NULL,
  external_reference text,
  status             text        NOT NULL,
  supplier_status    text        NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  "order"            jsonb       NOT NULL,
  request            jsonb,
  response           jsonb,
  PRIMARY KEY (supplier, supplier_order_id)
);
CREATE INDEX journal_orders_newest ON journal_orders (created_at DESC, supplier DESC, supplier_order_id DESC);
CREATE INDEX journal_orders_supplier_newest ON journal_orders (supplier, created_at DESC, supplier_order_id DESC);

-- Status changes seen by mutations, webhooks and polling; dedupe_key makes a redelivery a no-op.
CREATE TABLE order_events (
  id                       bigserial   PRIMARY KEY,
  supplier                 text        NOT NULL,
  supplier_order_id        text        NOT NULL,
  status                   text        NOT NULL,
  supplier_status          text        NOT NULL,
  previous_supplier_status text,
  source                   text        NOT NULL CHECK (source IN ('MUTATION', 'WEBHOOK', 'POLLING')),
  comment                  text,
  occurred_at              timestamptz NOT NULL,
  dedupe_key               text        NOT NULL UNIQUE
);
CREATE INDEX order_events_by_order ON order_events (supplier, supplier_order_id, occurred_at, id);

-- Asynchronous supplier writes (cenports) the gateway follows to COMPLETED or FAILED.
CREATE TABLE supplier_transactions (
  supplier           text        NOT NULL,
  handle             text        NOT NULL,
  kind               text        NOT NULL,
  status             text        NOT NULL CHECK (status IN ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED')),
  supplier_status    text        NOT NULL,
  submitted_at       timestamptz,
  completed_at       timestamptz,
  errors             jsonb       NOT NULL DEFAULT '[]',
  supplier_order_ids jsonb       NOT NULL DEFAULT '[]',
  placement_id       uuid,
  next_poll_at       timestamptz,
  poll_attempts      integer     NOT NULL DEFAULT 0,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (supplier, handle)
);
CREATE INDEX supplier_transactions_due ON supplier_transactions (next_poll_at)
  WHERE status NOT IN ('COMPLETED', 'FAILED');
CREATE INDEX supplier_transactions_newest ON supplier_transactions (created_at DESC, supplier DESC, handle DESC);

-- Where each delta sync (e.g. whitelabel orders/updates?since) left off.
CREATE TABLE sync_cursors (
  supplier   text        NOT NULL,
  name       text        NOT NULL,
  value      text        NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (supplier, name)
);
