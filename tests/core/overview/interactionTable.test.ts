import { decodeInteractions, encodeInteractions, isInteractionTable, tableWords, type CompactInteraction } from '../../../src/core/overview/interactionTable';

function row(over: Partial<CompactInteraction> & { id: string }): CompactInteraction {
  return {
    clientId: `c-${over.id}`, partnerId: 'p1', date: '2026-11-01T10:00:00Z', kind: 'meeting', department: 'Wonen', authorEmail: 'a@veenhaven.nl',
    authorName: 'Anna', themes: ['wonen'], title: `t ${over.id}`, confidential: false, wooRelevant: false, sourceRef: undefined, ...over,
  };
}

describe('interaction table', () => {
  const rows: CompactInteraction[] = [
    row({ id: '1' }),
    row({ id: '2', partnerId: 'p2', kind: 'review', reviewScore: 4, themes: [], confidential: true, sourceRef: 'outlook-1' }),
    row({ id: '3', department: '', themes: ['wonen', 'zorg'], wooRelevant: true, authorName: 'Bram', authorEmail: 'b@veenhaven.nl' }),
    row({ id: '4', kind: 'call', confidential: true, wooRelevant: true, reviewScore: 2 }),
  ];

  it('gives back exactly the rows it was given, field for field', () => {
    expect(decodeInteractions(encodeInteractions(rows))).toStrictEqual(rows);
  });

  it('decodes a slice, and every row gets its own themes array', () => {
    const table = encodeInteractions(rows);
    expect(decodeInteractions(table, 1, 3)).toStrictEqual(rows.slice(1, 3));
    const [a, b] = decodeInteractions(table, 0, 2).concat(decodeInteractions(table, 0, 1));
    expect(a.themes).not.toBe(decodeInteractions(table, 0, 1)[0].themes);
    expect(b.themes).toEqual([]);
  });

  it('keeps repeated text once', () => {
    const table = encodeInteractions(Array.from({ length: 1000 }, (_, n) => row({ id: String(n), clientId: crypto.randomUUID(), title: `overleg ${n % 3}` })));
    expect(table.length).toBe(1000);
    expect(tableWords(table).length).toBeLessThan(12);
    expect(table.title).toBeInstanceOf(Uint16Array);
  });

  it('survives a structured clone (as IndexedDB stores it) and recognises itself', () => {
    const copy = structuredClone(encodeInteractions(rows));
    expect(isInteractionTable(copy)).toBe(true);
    expect(decodeInteractions(copy)).toStrictEqual(rows);
    expect(isInteractionTable(undefined)).toBe(false);
    expect(isInteractionTable({ ...copy, format: 3 })).toBe(false);
    expect(isInteractionTable([['1', rows[0]]])).toBe(false);
  });

  it('keeps text columns as one string each, unless a text holds the separator', () => {
    const table = encodeInteractions(rows);
    expect(typeof table.words).toBe('string');
    expect(typeof table.ids).toBe('string');
    expect(Array.from(table.sourceRefRows)).toEqual([1]);
    const odd = [row({ id: 'x\u0000y', title: 'a\u0000b' }), row({ id: '2', title: '' })];
    const oddTable = encodeInteractions(odd);
    expect(Array.isArray(oddTable.words)).toBe(true);
    expect(Array.isArray(oddTable.ids)).toBe(true);
    expect(decodeInteractions(structuredClone(oddTable))).toStrictEqual(odd);
  });

  it('keeps a UUID at the end of a client id or source reference as 16 bytes, and every other text whole', () => {
    const uuids = [
      row({ id: 'u1', clientId: '8d3017ba-6895-4911-bcde-97da30c8fa1f', sourceRef: 'demo-meeting-033e1b55-5c7c-4bee-bef2-1b209c1043aa' }),
      row({ id: 'u2', clientId: '00000000-0000-0000-0000-000000000000', sourceRef: 'AAMkAGI2TG93AAA=' }),
      row({ id: 'u3', clientId: '8D3017BA-6895-4911-BCDE-97DA30C8FA1F', sourceRef: 'x-8d3017ba-6895-4911-bcde-97da30c8fa1f-y' }),
      row({ id: 'u4', clientId: 'ov-7', sourceRef: '' }),
    ];
    const table = encodeInteractions(uuids);
    expect(Array.from(table.clientIds.hasUuid)).toEqual([1, 1, 0, 0]);
    expect(Array.from(table.sourceRefs.hasUuid)).toEqual([1, 0, 0, 0]);
    expect(decodeInteractions(structuredClone(table))).toStrictEqual(uuids);
  });

  it('keeps whole-number review scores in a byte, others as they are', () => {
    expect(encodeInteractions(rows).reviewScore).toBeInstanceOf(Uint8Array);
    const half = [row({ id: '1', kind: 'review', reviewScore: 3.5 })];
    expect(encodeInteractions(half).reviewScore).toBeInstanceOf(Float64Array);
    expect(decodeInteractions(encodeInteractions(half))).toStrictEqual(half);
  });

  it('handles no rows', () => {
    const table = encodeInteractions([]);
    expect(table.length).toBe(0);
    expect(decodeInteractions(table)).toEqual([]);
  });
});
