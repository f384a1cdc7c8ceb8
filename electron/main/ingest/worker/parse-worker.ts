import { parentPort } from 'node:worker_threads';
import { AppError } from '../../kernel/app-error';
import { readDocument } from '../read-document';
import type { ParseProgress, ParseReady, ParseReply, ParseRequest } from './protocol';

/**
 * Worker thread entry: reads and parses files so the window's main thread stays responsive while a
 * PDF is laid out or a large report parsed. The database write stays with the thread that owns it.
 */
parentPort?.on('message', async ({ id, file }: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = {
      id,
      ok: true,
      value: await readDocument(file, {
        onOcrPage: (progress) => parentPort!.postMessage({ id, progress } satisfies ParseProgress),
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
