import type { Migration } from './types';

/**
 * Team library sync (issue 14). Local changes are recorded at the store level, whatever code path
 * writes: triggers on every synced table put the changed object's (kind, id) into `team_outbox` in
 * the same transaction as the write, the way ElectricSQL's SQLite client captures changes. Capture
 * is on (`team_flags.capture`) only while the library is in a team, and off while the sync engine
 * applies remote objects, so a pulled change is never pushed back as if it were the user's, and a
 * library that never joined keeps no bookkeeping at all.
 *
 * The outbox holds keys only, one row per object (a later change replaces the row with a higher
 * seq; delete-then-insert, since an outer upsert's conflict policy would override a trigger's
 * OR REPLACE): the push reads each object's current state, so a delete-and-reinsert (briefing outlines
 * are saved whole) costs one row and pushes nothing when the object ends up as it was.
 */

/** Synced table → the object kind and the SQL expression of its object id over NEW/OLD. */
const CAPTURED: { table: string; kind: string; id: (row: 'NEW' | 'OLD') => string; update: boolean }[] = [
  { table: 'documents', kind: 'document', id: (r) => `${r}.id`, update: false },
  { table: 'annotations', kind: 'annotation', id: (r) => `${r}.id`, update: true },
  { table: 'annotation_tags', kind: 'annotation', id: (r) => `${r}.annotation_id`, update: true },
  { table: 'passage_links', kind: 'link', id: (r) => `${r}.id`, update: true },
  { table: 'briefings', kind: 'briefing', id: (r) => `${r}.id`, update: true },
  { table: 'briefing_items', kind: 'briefing_item', id: (r) => `${r}.id`, update: true },
  { table: 'document_meta_overrides', kind: 'meta_override', id: (r) => `${r}.document_id`, update: true },
  {
    table: 'ledger_overrides',
    kind: 'ledger_override',
    id: (r) => `${r}.issuer_key || char(9) || ${r}.indicator_key || char(9) || ${r}.year`,
    update: true,
  },
];

function captureTriggers(): string {
  const out: string[] = [];
  for (const c of CAPTURED) {
    const events: ['INSERT' | 'UPDATE' | 'DELETE', 'NEW' | 'OLD'][] = [
      ['INSERT', 'NEW'],
      ['DELETE', 'OLD'],
    ];
    if (c.update) events.push(['UPDATE', 'NEW'], ['UPDATE', 'OLD']);
    events.forEach(([event, row], n) => {
      out.push(`CREATE TRIGGER team_capture_${c.table}_${event.toLowerCase()}_${n}
        AFTER ${event} ON ${c.table}
        WHEN (SELECT capture FROM team_flags WHERE id = 1) = 1
        BEGIN
          DELETE FROM team_outbox WHERE kind = '${c.kind}' AND object_id = ${c.id(row)};
          INSERT INTO team_outbox (kind, object_id) VALUES ('${c.kind}', ${c.id(row)});
        END;`);
    });
  }
  return out.join('\n');
}

export const migration008Team: Migration = {
  version: 8,
  name: 'team library sync: outbox triggers, base copies, conflicts, hub state',
  up(db) {
    db.exec(`
      CREATE TABLE team_flags (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        capture INTEGER NOT NULL DEFAULT 0 CHECK (capture IN (0, 1))
      ) STRICT;
      INSERT INTO team_flags (id, capture) VALUES (1, 0);

      CREATE TABLE team_outbox (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        kind      TEXT NOT NULL,
        object_id TEXT NOT NULL,
        UNIQUE (kind, object_id)
      ) STRICT;

      -- The last synced copy of every object (the base of the three-way merge) and its hub version.
      -- applied = 0: the hub has it but it cannot stand locally yet (its document is not here).
      CREATE TABLE team_objects (
        kind        TEXT NOT NULL,
        object_id   TEXT NOT NULL,
        version     INTEGER NOT NULL,
        deleted     INTEGER NOT NULL CHECK (deleted IN (0, 1)),
        base        TEXT,
        author_id   TEXT,
        author_name TEXT,
        updated_at  TEXT,
        applied     INTEGER NOT NULL DEFAULT 1 CHECK (applied IN (0, 1)),
        PRIMARY KEY (kind, object_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX team_objects_unapplied ON team_objects(applied) WHERE applied = 0;

      -- Fractional order keys of briefing items; kept apart from briefing_items, which the
      -- briefing service rewrites whole on every edit.
      CREATE TABLE team_order_keys (
        item_id   TEXT PRIMARY KEY,
        order_key TEXT NOT NULL
      ) STRICT;

      CREATE TABLE team_conflicts (
        id             INTEGER PRIMARY KEY,
        kind           TEXT NOT NULL,
        object_id      TEXT NOT NULL,
        reason         TEXT NOT NULL CHECK (reason IN ('edit', 'forbidden', 'invalid')),
        fields         TEXT NOT NULL,
        local          TEXT,
        remote         TEXT,
        remote_version INTEGER,
        remote_author  TEXT,
        created_at     TEXT NOT NULL,
        resolved_at    TEXT,
        resolution     TEXT CHECK (resolution IN ('local', 'remote'))
      ) STRICT;
      CREATE INDEX team_conflicts_open ON team_conflicts(resolved_at, id);

      -- The push batch in flight: resent byte for byte (same batchId) until the hub answers.
      CREATE TABLE team_pending_push (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        batch_id TEXT NOT NULL,
        body     TEXT NOT NULL,
        seqs     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE team_state (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      ${captureTriggers()}
    `);
  },
};
