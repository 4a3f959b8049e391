/**
 * Bad and oversized input everywhere: detection, the note form, CSV import and the Graph emulator.
 * Each answers with a bounded result or a clear (translated) message — never an exception, a hang or,
 * for the emulator, anything but a 4xx in Graph's error shape — and keeps serving afterwards.
 */
import fc from 'fast-check';
import http from 'node:http';
import { buildPartnerIndex, detectPartners, MAX_PARTICIPANTS } from '../../src/core/detection';
import { draftToInteraction, newNoteDraft, NOTE_LIMITS, validateNote, type NoteDraft } from '../../src/core/noteDraft';
import { IMPORT_LIMITS, parseRegisterCsv } from '../../src/core/csv/registerImport';
import { neutraliseCell, toCsv } from '../../src/core/csv/csvExport';
import { createI18n, createTranslator } from '../../src/i18n';
import { ADMIN_TOKEN_SCOPES, createTestToken, startGraphEmulator } from '../../src/emulator';
import { createDemoData } from '../../src/demo';
import { recordMeasure } from './results';

const CSV_WORDS = { say: createI18n('nl').say, date: createI18n('nl').numericDate };

let cases = 0;
let crashes = 0;
const crashLog: string[] = [];

/** Runs one fuzz case: counts it, and counts a throw or a run past `maxMs` as a crash. */
function fuzzCase<T>(label: string, run: () => T, maxMs = 2_000): T | undefined {
  cases++;
  const started = performance.now();
  try {
    const result = run();
    const took = performance.now() - started;
    if (took > maxMs) {
      crashes++;
      crashLog.push(`${label}: took ${Math.round(took)} ms`);
    }
    return result;
  } catch (error) {
    crashes++;
    crashLog.push(`${label}: ${(error as Error).message}`);
    return undefined;
  }
}

const LONE_SURROGATES = '\uD800\uDC00\uDFFF\uD83D x \uDE00';
const NASTY = ['\u0000', '\u0000\u0000', '\u0007\u001b[2J', '\uFEFF', '\u202E', LONE_SURROGATES, '"', "'", '<', '>', ';', ',', '\r\n', '\\', '%00', '@', '@@', '<>', '" <', 'a@', '@b', '\u00A0'];

describe('fuzz: partner detection', () => {
  const demo = createDemoData();
  const index = buildPartnerIndex(demo.partners, demo.settings);
  const t0 = demo.partners[0];

  it('a 10 MB subject gives a bounded result', () => {
    const subject = `${t0.name} `.repeat(10_000_000 / (t0.name.length + 1));
    const result = fuzzCase('10 MB subject', () => detectPartners(index, { kind: 'email', from: `x@${t0.domains[0]}`, subject }), 5_000);
    expect(result).toBeDefined();
    expect(result!.matches.length).toBeLessThanOrEqual(demo.partners.length);
  });

  it('5,000 participants (more than MAX_PARTICIPANTS) give a bounded result', () => {
    const to = Array.from({ length: 5_000 }, (_, i) => `"Deelnemer ${i}" <p${i}@${demo.partners[i % demo.partners.length].domains[0] ?? 'x.nl'}>`);
    expect(5_000).toBeGreaterThan(MAX_PARTICIPANTS);
    const result = fuzzCase('5,000 participants', () => detectPartners(index, { kind: 'meeting', attendees: to, subject: 'Overleg' }));
    expect(result).toBeDefined();
    const huge = Array.from({ length: 5_000 }, (_, i) => `${'x'.repeat(2_000)}${i}@${'sub.'.repeat(50)}example.nl`);
    expect(fuzzCase('5,000 huge addresses', () => detectPartners(index, { kind: 'email', to: huge }), 5_000)).toBeDefined();
  });

  it('invalid UTF-16, null bytes and control characters anywhere', () => {
    for (const bad of NASTY) {
      const r = fuzzCase(`nasty ${JSON.stringify(bad)}`, () =>
        detectPartners(index, { kind: 'email', from: `${bad} <${bad}@${bad}.nl>`, sender: bad, to: [bad, `${bad}@x.nl`], cc: [`"${bad}" <a@b${bad}>`], subject: `${t0.name}${bad}` }),
      );
      expect(r).toBeDefined();
    }
  });

  it('property: any message is answered without throwing', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom(...NASTY), fc.emailAddress());
    fc.assert(
      fc.property(
        fc.record({ kind: fc.constantFrom('email' as const, 'meeting' as const), from: fc.option(text, { nil: undefined }), to: fc.option(fc.array(text, { maxLength: 30 }), { nil: undefined }), attendees: fc.option(fc.array(text, { maxLength: 30 }), { nil: undefined }), subject: fc.option(text, { nil: undefined }) }),
        (message) => {
          const r = fuzzCase('property message', () => detectPartners(index, message));
          expect(r).toBeDefined();
        },
      ),
      { numRuns: 1_000, seed: 11 },
    );
  });

  it('a hostile register (invalid domains, huge aliases, nulls) builds an index with problems listed, not a crash', () => {
    const partners = NASTY.map((bad, i) => ({ id: `h${i}`, name: bad, aliases: [bad.repeat(10_000)], domains: [bad, `${bad}.nl`, 'co.uk', '127.0.0.1'], contacts: [bad, `${bad}@${bad}`] }));
    const idx = fuzzCase('hostile register', () => buildPartnerIndex(partners, { internalDomains: [LONE_SURROGATES], ignoredAddresses: ['\u0000'] }));
    expect(idx).toBeDefined();
    expect(fuzzCase('detect on hostile register', () => detectPartners(idx!, { kind: 'email', from: 'a@b.nl', subject: NASTY.join(' ') }))).toBeDefined();
  });
});

describe('fuzz: the note form', () => {
  const t = createTranslator('nl');
  const base = newNoteDraft({ kind: 'email', subject: 'x' }, 'Wonen', new Date('2026-11-26T12:00:00Z'));

  it('oversized and hostile fields give field problems with a translated message, and nothing throws', () => {
    const big = 'x'.repeat(10_000_000);
    const draft: NoteDraft = { ...base, title: big, summary: big, followUps: big, department: big, reviewGoesWell: big, reviewCouldImprove: big, date: big, kind: big as never, reviewScore: Number.NaN };
    const problems = fuzzCase('10 MB note', () => validateNote(draft));
    expect(problems?.map((p) => p.field).sort()).toEqual(['date', 'department', 'followUps', 'kind', 'reviewCouldImprove', 'reviewGoesWell', 'summary', 'title'].sort());
    for (const p of problems ?? []) {
      const message = p.problem === 'too-long' ? t('error.tooLong', { field: p.field, max: p.max ?? 0 }) : t('error.required', { field: p.field });
      expect(message).not.toMatch(/error\./);
    }
    // A 10 MB subject prefills a title that fits.
    expect(fuzzCase('prefill 10 MB subject', () => newNoteDraft({ kind: 'email', subject: big }, 'Wonen', new Date()))?.title.length).toBe(NOTE_LIMITS.title);
  });

  it('property: any draft is validated without throwing, and a valid one converts to an interaction that keeps its text', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(...NASTY));
    fc.assert(
      fc.property(
        fc.record({ title: text, summary: text, followUps: text, department: text, date: fc.oneof(fc.constant('2026-11-26'), text), reviewScore: fc.oneof(fc.integer(), fc.double()) }),
        (fields) => {
          const draft = { ...base, ...fields };
          const problems = fuzzCase('property draft', () => validateNote(draft));
          expect(problems).toBeDefined();
          if (problems!.length === 0) {
            const interaction = fuzzCase('property draftToInteraction', () => draftToInteraction(draft, { clientId: 'c', partnerId: 'p', author: { email: 'a@veenhaven.nl', name: 'A' } }));
            expect(interaction?.summary).toBe(draft.summary.trim());
          }
        },
      ),
      { numRuns: 1_000, seed: 12 },
    );
  });
});

describe('fuzz: CSV import and export', () => {
  const t = createTranslator('nl');
  const options = { existing: [], internalDomains: ['veenhaven.nl'], newId: () => 'id' };

  it('refuses an oversized file and too many rows with a clear, translated message', () => {
    const tooBig = fuzzCase('csv too big', () => parseRegisterCsv(`Naam\n${'x'.repeat(IMPORT_LIMITS.maxBytes + 1)}`, options));
    expect(tooBig).toMatchObject({ ok: false, error: { key: 'csv.error.tooLarge' } });
    if (tooBig && !tooBig.ok) expect(t(tooBig.error.key as never, tooBig.error.params as never)).toMatch(/te groot/);
    const rows = `Naam;Domeinen\n${Array.from({ length: IMPORT_LIMITS.maxRows + 1 }, (_, i) => `P${i};p${i}.nl`).join('\n')}`;
    const tooMany = fuzzCase('csv too many rows', () => parseRegisterCsv(rows, options), 5_000);
    expect(tooMany).toMatchObject({ ok: false, error: { key: 'csv.error.tooManyRows' } });
  });

  it('property: any text is parsed or refused with a message, never thrown', () => {
    const cell = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(...NASTY, '=1+1', '+cmd', '-2', '@SUM(A1)'));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 20 }), fc.constantFrom(';', ',', '\t'), (rows, sep) => {
        const text = [['Naam', 'Domeinen', 'Contacten'].join(sep), ...rows.map((r) => r.join(sep))].join('\n');
        const result = fuzzCase('property csv', () => parseRegisterCsv(text, options));
        expect(result).toBeDefined();
      }),
      { numRuns: 500, seed: 13 },
    );
  });

  it('property: exported cells never start a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom('=HYPERLINK("x")', '+1', '-1', '@A1', '\t=1', '\r=1')), { minLength: 1, maxLength: 5 }), (cells) => {
        const neutral = cells.map(neutraliseCell);
        for (const c of neutral) expect(c).not.toMatch(/^[=+\-@\t\r]/);
        expect(fuzzCase('property csv export', () => toCsv(CSV_WORDS, ['a', 'b', 'c', 'd', 'e'].slice(0, cells.length), [cells]))).toBeDefined();
      }),
      { numRuns: 500, seed: 14 },
    );
  });
});

describe('fuzz: the Graph emulator answers bad requests with 4xx in Graph’s shape and keeps serving', () => {
  let url: string;
  let close: () => Promise<void>;
  const token = createTestToken({ email: 'anna@veenhaven.nl', name: 'Anna', scopes: ADMIN_TOKEN_SCOPES });
  beforeAll(async () => {
    const started = await startGraphEmulator({ port: 0 });
    url = started.url;
    close = started.close;
    const res = await send('POST', '/v1.0/sites/root/lists', JSON.stringify({ displayName: 'Fuzz', columns: [{ name: 'code', text: {}, indexed: true }] }));
    expect(res.status).toBe(201);
  });
  afterAll(() => close());

  function send(method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const target = new URL(url);
      const req = http.request(
        { host: target.hostname, port: target.port, method, path, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      req.setTimeout(20_000, () => req.destroy(new Error('timeout')));
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  async function expectGraphError(label: string, method: string, path: string, body?: string | Buffer, headers?: Record<string, string>): Promise<void> {
    cases++;
    try {
      const res = await send(method, path, body, headers);
      // A URL longer than Node's header limit is refused by its HTTP parser (431, no body) before the
      // emulator sees it: a clean 4xx, not Graph's shape (Graph's own limit answers 414/400).
      if ((res.status === 431 || res.status === 414) && res.body === '') return;
      const parsed = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
      const good = res.status >= 400 && res.status < 500 && typeof parsed.error?.code === 'string' && typeof parsed.error?.message === 'string';
      if (!good) {
        crashes++;
        crashLog.push(`${label}: ${res.status} ${res.body.slice(0, 200)}`);
      }
    } catch (error) {
      crashes++;
      crashLog.push(`${label}: ${(error as Error).message}`);
    }
  }

  const items = '/v1.0/sites/root/lists/Fuzz/items';
  it('malformed JSON bodies', async () => {
    for (const body of ['{', '{"fields":', 'null', '[]', '"x"', '{"fields":{"code":', '\u0000', '{"fields":{"code":"a"}}}']) {
      await expectGraphError(`json ${JSON.stringify(body)}`, 'POST', items, body);
    }
    // A prototype-pollution attempt is just an item without fields; nothing leaks into Object.prototype.
    cases++;
    const polluted = await send('POST', items, '{"__proto__":{"polluted":1},"fields":{"__proto__":{"polluted":1}}}');
    if (polluted.status >= 500 || ({} as Record<string, unknown>).polluted !== undefined) {
      crashes++;
      crashLog.push(`prototype pollution: ${polluted.status}`);
    }
    await expectGraphError('fields not an object', 'POST', items, JSON.stringify({ fields: 'x' }));
    await expectGraphError('unknown field', 'POST', items, JSON.stringify({ fields: { nope: 1 } }));
    await expectGraphError('too long text', 'POST', items, JSON.stringify({ fields: { code: 'x'.repeat(300) } }));
  });

  it('a huge body', async () => {
    await expectGraphError('8 MB fields', 'POST', items, JSON.stringify({ fields: { code: 'x'.repeat(8_000_000) } }));
    await expectGraphError('deeply nested', 'POST', items, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  });

  it('bad OData', async () => {
    const filters = ["fields/code eq 'a", "fields/code eq ''a'", 'fields/code eq', 'eq eq eq', "fields/nope eq 'a'", '((((((', "fields/code eq 'a' or", "startswith(fields/code,'a'", '\u0000', "fields/code eq 'a' and fields/code eq 'b' or (", "fields/Title eq 'a'", '%', '%ZZ', "fields/code in ('a','b')", 'x'.repeat(100_000)];
    for (const f of filters) await expectGraphError(`filter ${f.slice(0, 40)}`, 'GET', `${items}?$filter=${encodeURIComponent(f)}`);
    for (const q of ['$top=-1', '$top=abc', '$orderby=fields/nope', '$skiptoken=garbage', '$expand=fields($select=']) {
      await expectGraphError(`query ${q}`, 'GET', `${items}?${q}`);
    }
  });

  it('invalid paths, methods, ids and tokens', async () => {
    for (const path of ['/v1.0/nope', '/v1.0/sites/nope.sharepoint.com:/sites/x', '/v1.0/sites/root/lists/Nope/items', `${items}/abc`, `${items}/999999`, `${items}/-1/fields`, '/v1.0/sites/root/lists/Fuzz/items/%00', '/v1.0/sites/root/lists/%ZZ', '/v2.0/sites/root', '/v1.0/' + 'a/'.repeat(5_000)]) {
      await expectGraphError(`path ${path.slice(0, 50)}`, 'GET', path);
    }
    await expectGraphError('method', 'PUT', items, '{}');
    await expectGraphError('no token', 'GET', items, undefined, { Authorization: '' });
    await expectGraphError('garbage token', 'GET', items, undefined, { Authorization: 'Bearer a.b.c' });
    await expectGraphError('batch of 21', 'POST', '/v1.0/$batch', JSON.stringify({ requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })) }));
    await expectGraphError('batch garbage', 'POST', '/v1.0/$batch', JSON.stringify({ requests: 'x' }));
  });

  it('still serves a normal request after all that', async () => {
    const ok = await send('POST', items, JSON.stringify({ fields: { code: "a'b" } }));
    expect(ok.status).toBe(201);
    expect((await send('GET', `${items}?$filter=${encodeURIComponent("fields/code eq 'a''b'")}&$expand=fields`)).status).toBe(200);
  });
});

afterAll(() => {
  recordMeasure('fuzz', { area: 'fuzz', label: 'fuzz cases (detection, note form, CSV, emulator)', tried: cases, ok: cases - crashes, extra: { crashes } });
});

test('no fuzz case crashed', () => {
  // Runs last in this file (jest runs tests in order): everything above has been counted.
  expect(crashLog).toEqual([]);
  expect(crashes).toBe(0);
});
