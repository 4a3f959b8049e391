import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JournalLine, ListSnapshot, ListStore } from './listStore';

/**
 * Keeps lists on disk so the emulator's data survives restarts.
 *
 * Per list there is a snapshot (`{listId}.json`, replaced atomically: write a temp file, then
 * rename) and a journal (`{listId}.jsonl`) to which changes are appended, debounced, so a burst
 * of 100,000 inserts costs a handful of appends instead of rewriting a large file each time.
 * The journal holds the full state of each changed item (idempotent to replay); when it grows
 * past the list's size it is folded into a new snapshot. A torn last line (a crash mid-append)
 * is ignored on load.
 */

export interface LoadedList {
  snapshot?: ListSnapshot;
  journal: JournalLine[];
}

interface Pending {
  store: ListStore;
  meta: boolean;
  ids: Set<number>;
  journalLines: number;
}

export class SiteDirectory {
  private readonly pending = new Map<string, Pending>();
  private timer?: NodeJS.Timeout;
  private firstPendingAt = 0;
  /** All disk work runs in this chain, so appends, compactions and deletes never interleave. */
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    readonly dir: string,
    private readonly delayMs: number,
  ) {
    fs.mkdirSync(path.join(dir, 'lists'), { recursive: true });
  }

  /** Reads every list of this site (synchronously: it happens once, at start-up). */
  loadLists(): Array<{ id: string; loaded: LoadedList }> {
    const listDir = path.join(this.dir, 'lists');
    const ids = new Set<string>();
    for (const f of fs.readdirSync(listDir)) {
      if (f.endsWith('.tmp')) {
        fs.rmSync(path.join(listDir, f), { force: true }); // a snapshot write cut short; the old snapshot is intact
        continue;
      }
      const m = /^(.+)\.(json|jsonl)$/.exec(f);
      if (m) ids.add(m[1]);
    }
    const out: Array<{ id: string; loaded: LoadedList }> = [];
    for (const id of ids) {
      const snapFile = path.join(listDir, `${id}.json`);
      const journalFile = path.join(listDir, `${id}.jsonl`);
      let snapshot: ListSnapshot | undefined;
      if (fs.existsSync(snapFile)) snapshot = JSON.parse(fs.readFileSync(snapFile, 'utf8')) as ListSnapshot;
      const journal: JournalLine[] = [];
      if (fs.existsSync(journalFile)) {
        for (const line of fs.readFileSync(journalFile, 'utf8').split('\n')) {
          if (!line.trim()) continue;
          try {
            journal.push(JSON.parse(line) as JournalLine);
          } catch {
            // a torn final line from a crash mid-append: everything before it is intact
          }
        }
      }
      out.push({ id, loaded: { snapshot, journal } });
    }
    return out;
  }

  readJson<T>(name: string): T | undefined {
    const file = path.join(this.dir, name);
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : undefined;
  }

  writeJson(name: string, value: unknown): void {
    const text = JSON.stringify(value);
    this.enqueue(() => atomicWrite(path.join(this.dir, name), text));
  }

  /** Starts watching a list: every change is journalled (debounced). */
  track(store: ListStore, journalLines = 0): void {
    const p: Pending = { store, meta: false, ids: new Set(), journalLines };
    this.pending.set(store.meta.id, p);
    store.onChange = (change) => {
      if (change.kind === 'meta') p.meta = true;
      else p.ids.add(change.id);
      this.schedule();
    };
  }

  /** Writes a fresh snapshot of the list now (used for new lists and after loading a journal). */
  compact(store: ListStore): void {
    const p = this.pending.get(store.meta.id);
    if (p) {
      p.meta = false;
      p.ids.clear();
      p.journalLines = 0;
    }
    const text = JSON.stringify(store.toSnapshot());
    const base = path.join(this.dir, 'lists', store.meta.id);
    this.enqueue(async () => {
      await atomicWrite(`${base}.json`, text);
      await fs.promises.writeFile(`${base}.jsonl`, '');
    });
  }

  removeList(listId: string): void {
    this.pending.delete(listId);
    const base = path.join(this.dir, 'lists', listId);
    this.enqueue(async () => {
      await fs.promises.rm(`${base}.json`, { force: true });
      await fs.promises.rm(`${base}.jsonl`, { force: true });
    });
  }

  private schedule(): void {
    if (this.closed) return;
    const now = Date.now();
    if (!this.timer) this.firstPendingAt = now;
    else clearTimeout(this.timer);
    // debounce, but never hold changes back for more than ten delays
    const wait = Math.max(0, Math.min(this.delayMs, this.firstPendingAt + this.delayMs * 10 - now));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.writePending();
    }, wait);
    this.timer.unref?.();
  }

  /** Moves every pending change onto the disk chain. */
  private writePending(): void {
    for (const p of this.pending.values()) {
      if (!p.meta && p.ids.size === 0) continue;
      const lines: string[] = [];
      if (p.meta) lines.push(JSON.stringify({ op: 'list', meta: p.store.meta, columns: p.store.columns }));
      for (const id of p.ids) {
        const line = p.store.journalLineFor(id);
        if (line) lines.push(JSON.stringify(line));
      }
      p.meta = false;
      p.ids.clear();
      p.journalLines += lines.length;
      if (p.journalLines > Math.max(10_000, p.store.size)) {
        this.compact(p.store);
        continue;
      }
      const file = path.join(this.dir, 'lists', `${p.store.meta.id}.jsonl`);
      const text = lines.join('\n') + '\n';
      this.enqueue(() => fs.promises.appendFile(file, text));
    }
  }

  private enqueue(work: () => Promise<void>): void {
    this.chain = this.chain.then(work).catch((err) => {
      console.error('[graph-emulator] could not write data:', err);
    });
  }

  /** Writes everything pending and waits for the disk. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.writePending();
    await this.chain;
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }
}

let tempCounter = 0;
async function atomicWrite(file: string, text: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${++tempCounter}.tmp`;
  await fs.promises.writeFile(tmp, text);
  await fs.promises.rename(tmp, file);
}
