import { afterAll, beforeAll, expect, it } from 'vitest';
import pg from 'pg';
import { describePg, startPgCluster, type PgCluster } from '../../helpers/pg-cluster';

describePg('throwaway PostgreSQL cluster', () => {
  let cluster: PgCluster;
  beforeAll(async () => {
    cluster = await startPgCluster();
  }, 60_000);
  afterAll(() => cluster?.stop());

  it('accepts the superuser with its password and refuses a wrong one', async () => {
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    expect(Number(rows[0]!.v)).toBeGreaterThanOrEqual(150000);
    await client.end();
    const wrong = new pg.Client({ connectionString: cluster.urlFor({ password: 'wrong' }) });
    await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
  });

  it('sorts order keys bytewise under COLLATE "C"', async () => {
    const url = cluster.createDatabase('collation_check');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ k: string }>(
      `SELECT k FROM unnest(ARRAY['a0','Zz','a0V','a1','b00']) AS k ORDER BY k COLLATE "C"`,
    );
    expect(rows.map((r) => r.k)).toEqual(['Zz', 'a0', 'a0V', 'a1', 'b00']);
    await client.end();
  });
});
