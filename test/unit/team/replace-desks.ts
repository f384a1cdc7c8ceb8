import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, expect } from 'vitest';
import { createInvitation, ensureLibrary } from '../../../electron/hub';
import { createAnnotation } from '../../../electron/main/annotations/service';
import { createCore, type Core } from '../../../electron/main/core/app-core';
import { importFiles } from '../../../electron/main/ingest/import-service';
import { fileSecretStore } from '../../../electron/main/team/secret-store';
import { TeamService } from '../../../electron/main/team/team-service';
import { useTeamHub } from './team-hub-fixture';

/**
 * Desktops sharing a library on a throwaway hub, with the report and its later editions, for the
 * tests of a document replaced by a new edition (team-document-replace.test.ts).
 */
export const HULI = path.resolve(__dirname, '../../../resources/documents/huli-2021.txt');
const ORIGINAL = fs.readFileSync(HULI, 'utf8');
const PARAGRAPH = '现在,我代表湖里区人民政府向大会报告工作';

/** The report with a paragraph added before the address (every later passage moves by one). */
export function edition(dir: string, name: string, added: string): string {
  const file = path.join(dir, name);
  const at = ORIGINAL.indexOf(PARAGRAPH);
  fs.writeFileSync(file, `${ORIGINAL.slice(0, at)}${added}\n\n      ${ORIGINAL.slice(at)}`);
  return file;
}

/** A desktop of the test: its core and its team service. */
export type Desk = { core: Core; team: TeamService };

/** Registers the hub for the calling describe block and returns the desks' helpers. */
export function useReplaceDesks(name: string) {
  const f = useTeamHub(name);
  let lib = 0;
  let library = '';
  beforeAll(() => fs.mkdirSync(files(), { recursive: true }));

  async function desk(name: string): Promise<Desk> {
    const secrets = fileSecretStore(path.join(f.tmp, `${library}-${name}.token`));
    const core = createCore({
      databasePath: path.join(f.tmp, `${library}-${name}.db`),
      teamSecrets: secrets,
    });
    const team = new TeamService(core.ctx, { secrets, inlineParse: true });
    const { code } = await createInvitation(f.pool, { library, role: 'editor' });
    await team.join({ hubUrl: f.hub.url, code, memberName: name });
    return { core, team };
  }
  async function newLibrary(): Promise<void> {
    library = `替换${++lib}`;
    await ensureLibrary(f.pool, library);
  }
  const q = (d: { core: Core }, sql: string) => d.core.ctx.db.prepare(sql).all();
  const annotations = (d: { core: Core }) =>
    q(d, `SELECT id, passage_id, start_offset, end_offset, status, note FROM annotations ORDER BY id`);
  const documents = (d: { core: Core }) => q(d, `SELECT id, content_hash, title FROM documents ORDER BY id`);
  const passageIds = (d: { core: Core }) => q(d, `SELECT id FROM passages ORDER BY id`);
  const passageOf = (d: { core: Core }, docId: string, ordinal: number) =>
    d.core.ctx.db
      .prepare(`SELECT id FROM passages WHERE document_id = ? AND ordinal = ?`)
      .pluck()
      .get(docId, ordinal) as string;
  const hubDocument = async () =>
    (
      await f.pool.query<{ data: Record<string, unknown> }>(
        `SELECT o.data FROM hub.objects o JOIN hub.libraries l ON l.id = o.library_id
          WHERE l.name = $1 AND o.kind = 'document'`,
        [library],
      )
    ).rows.map((r) => r.data);
  const hubBlobs = async () =>
    (
      await f.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM hub.blob_refs r JOIN hub.libraries l ON l.id = r.library_id WHERE l.name = $1`,
        [library],
      )
    ).rows[0]!.n;
  const hubAuthors = async () =>
    (
      await f.pool.query<{ note: string; author: string }>(
        `SELECT o.data->>'note' AS note, m.name AS author FROM hub.objects o
           JOIN hub.libraries l ON l.id = o.library_id JOIN hub.members m ON m.id = o.author_id
          WHERE l.name = $1 AND o.kind = 'annotation' ORDER BY 1`,
        [library],
      )
    ).rows;
  const linkOrdinals = (d: { core: Core }) =>
    q(
      d,
      `SELECT l.note, f.ordinal AS "from", t.ordinal AS "to" FROM passage_links l
         JOIN passages f ON f.id = l.from_passage JOIN passages t ON t.id = l.to_passage ORDER BY l.note`,
    );
  const ordinals = (d: { core: Core }) =>
    q(
      d,
      `SELECT a.note, p.ordinal FROM annotations a JOIN passages p ON p.id = a.passage_id ORDER BY a.note`,
    );
  const quiet = async (d: { team: TeamService }) => {
    const s = await d.team.status(false);
    return { pending: s.pending, conflicts: s.conflicts };
  };

  /** A new library shared by 甲 and 乙, the report in it, each with an annotation of its own on it. */
  async function shared(): Promise<{ a: Desk; b: Desk; docId: string; mine: (d: Desk) => string }> {
    await newLibrary();
    const a = await desk('甲');
    const b = await desk('乙');
    const docId = (await importFiles(a.core.ctx, [HULI], { inline: true })).imported[0]!.id;
    for (const d of [a, b]) await d.team.sync();
    const ids = new Map<Desk, string>();
    ids.set(
      a,
      createAnnotation(a.core.ctx.db, { passageId: passageOf(a, docId, 12), start: 0, end: 4, note: '甲的' })
        .id,
    );
    ids.set(
      b,
      createAnnotation(b.core.ctx.db, { passageId: passageOf(b, docId, 10), start: 2, end: 6, note: '乙的' })
        .id,
    );
    for (const d of [a, b, a]) await d.team.sync();
    expect(annotations(b)).toEqual(annotations(a));
    return { a, b, docId, mine: (d) => ids.get(d)! };
  }
  type Shared = Awaited<ReturnType<typeof shared>>;
  /** A test body over a shared library, both desktops closed after it. */
  const withShared = (body: (s: Shared) => Promise<void>) => async () => {
    const s = await shared();
    try {
      await body(s);
    } finally {
      s.a.core.close();
      s.b.core.close();
    }
  };
  const files = () => path.join(f.tmp, 'files');
  /** Every desktop holds the same edition, passages and annotations, all anchored, nothing pending. */
  async function converged(desks: Desk[]): Promise<void> {
    const [first, ...rest] = desks;
    for (const d of rest) {
      expect(documents(d)).toEqual(documents(first!));
      expect(passageIds(d)).toEqual(passageIds(first!));
      expect(annotations(d)).toEqual(annotations(first!));
    }
    for (const d of desks) {
      expect(annotations(d).every((r) => (r as { status: string }).status === 'anchored')).toBe(true);
      expect((await d.team.status(false)).pending).toBe(0);
    }
  }

  const libraryName = () => library;
  return {
    f,
    desk,
    annotations,
    documents,
    passageIds,
    passageOf,
    hubDocument,
    hubBlobs,
    hubAuthors,
    linkOrdinals,
    ordinals,
    quiet,
    withShared,
    files,
    converged,
    libraryName,
  };
}
