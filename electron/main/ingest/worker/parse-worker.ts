import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../kernel/app-error';
import { readDocument } from '../read-document';
import type { ParseCancel, ParseProgress, ParseReady, ParseReply, ParseRequest } from './protocol';

/**
 * Worker thread entry: reads and parses files so the window's main thread stays responsive while a
 * PDF is laid out or a large report parsed. The database write stays with the thread that owns it.
 */
const givenUp = new Set<number>();

parentPort?.on('message', async (message: ParseRequest | ParseCancel) => {
  if ('cancel' in message) {
    givenUp.add(message.cancel);
    return;
  }
  const { id, file } = message;
  let reply: ParseReply;
  try {
    reply = {
      id,
      ok: true,
      value: await readDocument(file, {
        onOcrPage: (progress) => {
          // between pages no native call is under way: the worker can be terminated safely once this unwinds
          if (givenUp.has(id)) throw new AppError('import_cancelled', { file: path.basename(file) });
          parentPort!.postMessage({ id, progress } satisfies ParseProgress);
        },
      }),
    };
  } catch (error) {
    reply = {
      id,
      ok: false,
      error:
        error instanceof AppError
          ? { code: error.code, params: error.params, message: error.message }
          : { code: null, params: {}, message: (error as Error).message ?? String(error) },
    };
  }
  parentPort!.postMessage(reply);
});

parentPort?.postMessage({ ready: true } satisfies ParseReady);
