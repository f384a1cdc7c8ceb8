import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/main/core/app-core';
import { searchServiceFor } from '../../../electron/main/search/search-service';
import { traceTerm, traceTermSliced } from '../../../electron/main/xref/term-service';
import { call } from '../../helpers/ipc';
import { addSeed } from '../annotations/seed-library';

describe('the term view', () => {
  it('answers over IPC in slices of the search query runner, the event loop turning meanwhile', async () => {
    const core = createCore({ databasePath: ':memory:' });
    addSeed(core.ctx.db);
    const index = searchServiceFor(core.ctx).index;
    const pending = traceTermSliced(core.ctx, '营商环境');
    // Queued on the runner, not computed before the call returned.
    expect(index.queries.busy).toBe('term');
    await pending;

    let turned = false;
    setTimeout(() => (turned = true), 0);
    const view = await call(core, 'xref:term', { term: '营商环境' });
    // A timer set before the call ran before its answer: the query did not hold the thread.
    expect(turned).toBe(true);
    expect(view.total).toBeGreaterThan(0);
    expect(view.occurrences.length).toBe(view.total);
    expect(view).toEqual(traceTerm(core.ctx, '营商环境'));
    core.close();
  });

  it('traces a term the query language cannot quote by scanning, in slices too', async () => {
    const core = createCore({ databasePath: ':memory:' });
    addSeed(core.ctx.db);
    const view = await call(core, 'xref:term', { term: '"六稳"' });
    expect(view).toEqual(traceTerm(core.ctx, '"六稳"'));
    core.close();
  });
});
