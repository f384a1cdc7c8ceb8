/** Start to first answer: a fresh process opens a library with a persisted index and answers one query. */
import { createCore } from '../electron/main/core/app-core';
import { searchServiceFor } from '../electron/main/search/search-service';

// performance.now() counts from the process' start; modules are loaded by now (under tsx that
// includes compiling them, which a built app does not do).
const loaded = performance.now();
const [dbFile, query] = process.argv.slice(2) as [string, string];
const core = createCore({ databasePath: dbFile });
const response = searchServiceFor(core.ctx).query(query, { limit: 50 });
const ms = performance.now();
process.stdout.write(
  `${JSON.stringify({ ms, afterLoadMs: ms - loaded, total: response.total, complete: response.complete })}\n`,
);
core.close();
