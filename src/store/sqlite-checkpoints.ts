import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

// A WAL checkpoint copies committed pages back into the database file. SQLite runs one inside whichever commit
// crosses the threshold, which stalls that request and every request queued behind it on the one connection.
// A worker thread with a connection of its own checkpoints instead, without blocking writers (PASSIVE); the
// request path keeps a high threshold only as a safety net for when the worker falls behind.

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
// A checkpoint copies pages from the log to the file: it needs no page cache of its own to speak of.
db.pragma('cache_size = -256');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or closing: the next round tries again */ }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  db.close();
  parentPort.close();
});
`;

/** Pages (4 KiB) of WAL after which a commit checkpoints by itself: about 32 MiB. */
const SAFETY_NET_PAGES = 8192;

const WORKER_HEAP = { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16 };

export interface BackgroundCheckpoints {
  stop(): Promise<void>;
}

export function checkpointInBackground(sqlite: SQLite.Database, file: string, intervalMs = 200): BackgroundCheckpoints {
  sqlite.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  // The worker only runs a pragma now and then: a small heap, not the main thread's, keeps it out of the way of the
  // server's memory.
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, intervalMs }, resourceLimits: WORKER_HEAP });
  worker.unref();
  // A worker that fails leaves the safety net in place; it must not take the server down.
  worker.on('error', () => sqlite.pragma('wal_autocheckpoint = 1000'));
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));
  return {
    async stop() {
      worker.postMessage('stop');
      const timer = setTimeout(() => void worker.terminate(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
