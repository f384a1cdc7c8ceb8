import fs from 'node:fs';
import { workerData } from 'node:worker_threads';

// A compaction worker that dies after writing part of its copy (a full disk, a crash).
fs.writeFileSync((workerData as { target: string }).target, Buffer.alloc(64 * 1024, 1));
throw new Error('disk gone');
