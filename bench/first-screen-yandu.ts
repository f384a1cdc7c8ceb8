/**
 * The app's first screen over a library, as the window asks for it: a fresh process opens the
 * library (migrations, open check, every domain started) and answers `documents:default` and
 * `documents:get` for that document — the reader the window shows first — then `documents:list`,
 * the shelf one click away. Through `core.call`, the door the window's IPC uses.
 */
import { createCore } from '../electron/main/core/app-core';

// performance.now() counts from the process' start; under tsx that includes compiling the modules,
// which a built app does not do, so the figures are also given from the end of loading.
const loaded = performance.now();
const [dbFile] = process.argv.slice(2) as [string];

async function main() {
  const core = createCore({ databasePath: dbFile });
  const opened = performance.now();
  const first = await core.call('documents:default', {});
  const bundle = first ? await core.call('documents:get', { id: first.id }) : null;
  const shown = performance.now();
  const shelf = await core.call('documents:list', {});
  const listed = performance.now();
  core.close();
  process.stdout.write(
    `${JSON.stringify({
      openMs: opened - loaded,
      firstScreenMs: shown - loaded,
      shelfMs: listed - shown,
      passages: bundle?.passages.length ?? 0,
      documents: shelf.length,
    })}\n`,
  );
}

void main();
