import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db, ReadDb } from '../../../electron/main/kernel/db';
import { LibraryEvents } from '../../../electron/main/kernel/events';

const dbs: Db[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

function library(): Db {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (x INTEGER)');
  dbs.push(db);
  return db;
}

const changed = (id: string) => ({ documentIds: [id] });

describe('the core event queue', () => {
  it('fires at once outside a transaction, in order', () => {
    const db = library();
    const events = new LibraryEvents(() => db.inTransaction);
    const heard: string[] = [];
    events.on('library:changed', ({ documentIds }) => heard.push(documentIds[0]!));
    events.emit('library:changed', changed('a'));
    events.emit('library:changed', changed('b'));
    expect(heard).toEqual(['a', 'b']);
  });

  it('holds an event emitted inside a transaction until it has committed, and listeners see the rows', async () => {
    const db = library();
    const events = new LibraryEvents(() => db.inTransaction);
    const seen: number[] = [];
    events.on('library:changed', () => {
      seen.push((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n);
    });
    db.transaction(() => {
      db.prepare('INSERT INTO t VALUES (1)').run();
      events.emit('library:changed', changed('a'));
      expect(seen).toEqual([]);
    })();
    await Promise.resolve();
    expect(seen).toEqual([1]);
  });

  it('drops what a failed transaction emitted, and fires what a committed one emitted when it returns', () => {
    const db = library();
    const events = new LibraryEvents(() => db.inTransaction);
    const heard: string[] = [];
    events.on('library:changed', ({ documentIds }) => heard.push(documentIds[0]!));
    expect(() =>
      events.transaction(() =>
        db.transaction(() => {
          events.emit('library:changed', changed('rolled-back'));
          throw new Error('write failed');
        })(),
      ),
    ).toThrow('write failed');
    events.transaction(() =>
      db.transaction(() => {
        events.emit('library:changed', changed('kept'));
      })(),
    );
    expect(heard).toEqual(['kept']);
  });

  it('isolates listeners: one that throws is logged, the others and the emitter carry on', () => {
    const events = new LibraryEvents();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const heard: string[] = [];
    events.on('library:changed', () => {
      throw new Error('listener broke');
    });
    events.on('library:changed', ({ documentIds }) => heard.push(documentIds[0]!));
    expect(() => events.emit('library:changed', changed('a'))).not.toThrow();
    expect(heard).toEqual(['a']);
    expect(String(log.mock.calls[0]?.[0])).toContain('listener broke');
    log.mockRestore();
  });

  it('stops calling a listener once it is removed', () => {
    const events = new LibraryEvents();
    const heard: string[] = [];
    const off = events.on('library:changed', ({ documentIds }) => heard.push(documentIds[0]!));
    events.emit('library:changed', changed('a'));
    off();
    events.emit('library:changed', changed('b'));
    expect(heard).toEqual(['a']);
  });
});

describe('ReadDb', () => {
  it('is what every Db is, and has no way to write', () => {
    const db = library();
    const reader: ReadDb = db;
    expect(reader.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
    // @ts-expect-error a reader has no exec
    expect(typeof reader.exec).toBe('function');
    // @ts-expect-error a reader's statements have no run
    expect(typeof reader.prepare('SELECT 1').run).toBe('function');
  });
});
