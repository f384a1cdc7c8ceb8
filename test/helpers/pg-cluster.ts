import { describe, it } from 'vitest';
import { pgAvailable } from './temp-postgres';

export { PG_BIN_DIR, pgAvailable, startPgCluster, type PgCluster } from './temp-postgres';

/**
 * `describe` for tests that need PostgreSQL. Without the binaries they skip with a message on a
 * developer's machine; under CI (`CI=true`) that is a failure, so a green run means the hub was tested.
 */
export function describePg(name: string, body: () => void): void {
  if (!pgAvailable) {
    const message = 'PostgreSQL ≥ 15 binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin';
    if (process.env.CI) {
      describe(name, () => {
        it('has PostgreSQL installed', () => {
          throw new Error(`${message} (CI=true): .ci/run installs the postgresql package`);
        });
      });
      return;
    }
    console.warn(`skipping "${name}": ${message} (apt-get install postgresql)`);
  }
  describe.skipIf(!pgAvailable)(name, body);
}
