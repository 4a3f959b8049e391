/**
 * OData injection: every filter and Graph path the data layer builds goes through one escaping
 * function (`odataLiteral` + `encodeQueryValue` in src/data/graph/odata.ts) and the schema's column
 * whitelist; any string stored through the repository is found again exactly by a filter on it, and
 * the filter matches nothing else.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { fieldFilter, fieldIn, itemQueryString, odataLiteral, wellFormed } from '../../src/data/graph/odata';
import { allColumns, filterableColumn, LIST_NAMES, SCHEMA, type IndexedColumnName } from '../../src/data/schema';
import { parseFilter } from '../../src/emulator/odataFilter';
import type { SharePointPartnerRepository } from '../../src/data/SharePointPartnerRepository';
import { newInteraction, newPartner } from '../data/fixtures';
import { startHarness, type Harness } from '../data/graphHarness';
import { recordMeasure } from './results';

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}
const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');

/** Characters that matter to OData, URLs and SharePoint, plus ordinary ones. */
const HOSTILE_CHARS = ["'", "''", '"', '%', '%27', '%25', '&', '#', '?', '=', '+', '/', '\\', '(', ')', ' ', ',', ';', '$', '@', 'eq', ' or ', ' and ', 'not ', 'fields/', '1', 'x', 'é', '😀', '\t', '*', '~', '<', '>'];
const hostileString = fc.array(fc.constantFrom(...HOSTILE_CHARS), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));

let injectionTried = 0;
let injectionExact = 0;

describe('one escaping function and a column whitelist (source scan)', () => {
  const files = sourceFiles(path.join(ROOT, 'src')).filter((f) => !rel(f).startsWith('src/emulator/'));

  it('doubles single quotes for OData only in src/data/graph/odata.ts', () => {
    // A Microsoft Graph (not SharePoint) filter in the Teams host escapes the same way; it is the one
    // known other place and is checked for equivalence below.
    const allowed = new Set(['src/data/graph/odata.ts', 'src/hosts/meeting/meetingParticipants.ts']);
    const offenders = files.filter((f) => /replace\(\s*\/'\/g\s*,\s*["']''["']\s*\)|replaceAll\(\s*["']'["']/.test(fs.readFileSync(f, 'utf8')) && !allowed.has(rel(f)));
    expect(offenders).toEqual([]);
  });

  it('writes `$filter`/`$orderby` into a URL only in odata.ts (and the Teams host Graph filter)', () => {
    const allowed = new Set(['src/data/graph/odata.ts', 'src/hosts/meeting/meetingParticipants.ts']);
    const offenders = files.filter((f) => !allowed.has(rel(f)) && /[?&]\$(filter|orderby)=/i.test(fs.readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('builds every SharePoint list-item query in src/data through itemQueryString or constant text', () => {
    const dataFiles = files.filter((f) => rel(f).startsWith('src/data/'));
    const itemsQueries: string[] = [];
    for (const f of dataFiles) {
      const text = fs.readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\/items(?:\/delta)?\?(.*)`/g)) itemsQueries.push(`${rel(f)}: ${m[1]}`);
    }
    expect(itemsQueries.length).toBeGreaterThan(0);
    for (const q of itemsQueries) {
      const query = q.slice(q.indexOf(': ') + 2);
      // Either the one builder, or constant text with only these (numbers; schema column names through encodeQueryValue;
      // the overview's table of item properties, constant text per list).
      const allowedParts = ['${SAMPLE}', '${top}', '${encodeQueryValue(`fields($select=${select})`)}', '${ITEM_PROPERTIES[list]}'];
      const rest = allowedParts.reduce((text, part) => text.split(part).join(''), query);
      const ok = /^\$\{itemQueryString\(/.test(query) || !rest.includes('${');
      if (!ok) throw new Error(`list-item query not built by itemQueryString: ${q}`);
    }
  });

  it('names lists only from the schema in repository paths', () => {
    const repo = fs.readFileSync(path.join(ROOT, 'src/data/SharePointPartnerRepository.ts'), 'utf8');
    const listSegments = [...repo.matchAll(/\/lists\/\$\{([^}]+)\}/g)].map((m) => m[1]);
    expect(listSegments).toEqual(['SCHEMA[list].displayName']);
    // Item ids in paths are always URL-encoded.
    const itemSegments = [...repo.matchAll(/\/items\/\$\{([^}]+)\}/g)].map((m) => m[1]);
    expect(itemSegments.every((s) => s.startsWith('encodeURIComponent('))).toBe(true);
  });
});

describe('the builders refuse what is not whitelisted', () => {
  it('refuses unknown and non-indexed columns at run time, whatever the types said', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LIST_NAMES), fc.string({ maxLength: 30 }), (list, name) => {
        const known = allColumns(list) as string[];
        fc.pre(!known.includes(name));
        expect(() => filterableColumn(list, name as never)).toThrow();
        expect(() => fieldFilter(list, name as never, 'eq', 'x')).toThrow();
        expect(() => itemQueryString(list, { select: [name as never] })).toThrow();
      }),
      { numRuns: 300, seed: 8 },
    );
    for (const list of LIST_NAMES) {
      for (const column of SCHEMA[list].columns) {
        if ('indexed' in column && column.indexed) continue;
        expect(() => fieldFilter(list, column.name as never, 'eq', 'x')).toThrow(/not indexed/);
      }
    }
  });

  it('refuses non-finite numbers and empty `in` lists', () => {
    expect(() => odataLiteral(Number.NaN)).toThrow();
    expect(() => odataLiteral(Number.POSITIVE_INFINITY)).toThrow();
    expect(() => fieldIn('Partners', 'status', [])).toThrow();
  });

  it('property: the filter a value makes parses back (as SharePoint would) to one comparison on that column with exactly that value', () => {
    const filterable: Array<[(typeof LIST_NAMES)[number], string]> = LIST_NAMES.flatMap((list) =>
      SCHEMA[list].columns.filter((c) => 'indexed' in c && c.indexed && (c.kind === 'text' || c.kind === 'choice')).map((c) => [list, c.name] as [(typeof LIST_NAMES)[number], string]),
    );
    let runs = 0;
    fc.assert(
      fc.property(fc.constantFrom(...filterable), fc.oneof(hostileString, fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 })), ([list, column], value) => {
        runs++;
        const query = itemQueryString(list, { filter: fieldFilter(list, column as IndexedColumnName<typeof list>, 'eq', value), top: 1 });
        // What the server sees: the decoded query parameters. Nothing leaks into another parameter.
        const params = new URLSearchParams(query);
        expect([...params.keys()]).toEqual(['$select', '$expand', '$filter', '$top']);
        const node = parseFilter(params.get('$filter')!);
        // (Invalid UTF-16 is made well-formed first: a lone surrogate becomes U+FFFD.)
        expect(node).toEqual({ kind: 'compare', op: 'eq', field: column, value: { type: 'string', value: wellFormed(value) } });
      }),
      { numRuns: 3000, seed: 20261126 },
    );
    injectionTried += runs;
    injectionExact += runs;
  });
});

describe('repository: what is stored is found exactly, and only it (emulator)', () => {
  let h: Harness;
  let repo: SharePointPartnerRepository;
  let partnerId: string;
  beforeAll(async () => {
    h = await startHarness();
    repo = h.repository();
    partnerId = (await repo.savePartner(newPartner({ name: "Stichting 't Hoekje" }))).id;
  });
  afterAll(async () => {
    await h.close();
    recordMeasure('injection', { area: 'injection', label: 'injection strings (filters parsed + stored/found via repository)', tried: injectionTried, ok: injectionExact });
  });

  it('property: a hostile source reference and its near-misses are each found exactly once, by their own filter', async () => {
    const stored = new Map<string, string>();
    const store = async (value: string) => {
      if (stored.has(value)) return;
      const saved = await repo.saveInteraction(newInteraction(partnerId, { sourceRef: value, title: value }));
      stored.set(value, saved.id);
    };
    let runs = 0;
    let exact = 0;
    await fc.assert(
      fc.asyncProperty(hostileString, async (raw) => {
        const value = raw.trim() === '' ? `x${raw}x` : raw;
        // Near-misses an injection would pull in: the value with a quote undoubled/added, a prefix, an OR tail.
        const decoys = [`${value}'`, `'${value}`, `${value} or 1 eq 1`, Array.from(value).slice(0, -1).join('') || '§'].filter((d) => d.trim() !== '' && d.toLowerCase() !== value.toLowerCase());
        for (const v of [value, ...decoys]) await store(v);
        for (const v of [value, ...decoys]) {
          runs++;
          const matches = await repo.findInteractionsBySource([v]);
          // Only v itself (or, as SharePoint compares text, a case variant) is found: the value never widens the filter.
          expect(matches.filter((i) => i.sourceRef?.toLowerCase() !== v.toLowerCase())).toEqual([]);
          const found = matches.find((i) => i.sourceRef === v);
          const siteId = await repo.resolveSiteId();
          const query = itemQueryString('Interactions', { select: ['sourceRef'], filter: fieldFilter('Interactions', 'sourceRef', 'eq', v) });
          const all = await h.transport().get<{ value: Array<{ id: string; fields: { sourceRef: string } }> }>(`/sites/${siteId}/lists/Interactions/items?${query}`);
          // SharePoint compares text case-insensitively: only case variants of v may match besides v.
          const others = all.value.filter((i) => i.fields.sourceRef.toLowerCase() !== v.toLowerCase());
          if (found?.sourceRef === v && found.id === stored.get(v) && others.length === 0 && all.value.some((i) => i.id === stored.get(v))) exact++;
          expect(found?.sourceRef).toBe(v);
          expect(others).toEqual([]);
        }
      }),
      { numRuns: 40, seed: 4242 },
    );
    injectionTried += runs;
    injectionExact += exact;
  });

  it('property: client ids with hostile text find their own interaction by the unique clientId filter', async () => {
    let runs = 0;
    let exact = 0;
    await fc.assert(
      fc.asyncProperty(hostileString, async (raw) => {
        const id = `c-${raw}-${runs}`;
        runs++;
        await repo.saveInteraction(newInteraction(partnerId, { clientId: id, id, title: raw }));
        const found = await repo.findInteractionByClientId(id);
        if (found?.clientId === id && found.title === raw) exact++;
        expect(found?.clientId).toBe(id);
      }),
      { numRuns: 25, seed: 99 },
    );
    injectionTried += runs;
    injectionExact += exact;
  });
});
