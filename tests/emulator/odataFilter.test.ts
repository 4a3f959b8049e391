import fc from 'fast-check';
import { parseFilter, parseOrderBy, type FilterNode } from '../../src/emulator/odataFilter';
import { ListStore } from '../../src/emulator/listStore';
import { createList, q, startHarness } from './helpers';

/** A compact rendering of the tree, to check grouping. */
function show(n: FilterNode): string {
  switch (n.kind) {
    case 'and':
    case 'or':
      return `(${show(n.left)} ${n.kind} ${show(n.right)})`;
    case 'not':
      return `not ${show(n.operand)}`;
    case 'startswith':
      return `startswith(${n.field},${JSON.stringify(n.value)})`;
    case 'compare':
      return `${n.field} ${n.op} ${n.value.type === 'null' ? 'null' : JSON.stringify(n.value.value)}`;
  }
}

const odataString = (s: string) => `'${s.replace(/'/g, "''")}'`;

describe('odataFilter (on @odata/parser)', () => {
  test.each([
    ["fields/A eq 'x'", 'A eq "x"'],
    ["fields/A eq 'O''Brien'", 'A eq "O\'Brien"'],
    ['fields/N ge -1.5', 'N ge -1.5'],
    ['fields/B ne true', 'B ne true'],
    ['fields/D lt 2024-01-01T00:00:00Z', `D lt ${Date.UTC(2024, 0, 1)}`],
    ['fields/D lt 2024-01-01', `D lt ${Date.UTC(2024, 0, 1)}`],
    ['fields/X eq null', 'X eq null'],
    ["'x' eq fields/A", 'A eq "x"'],
    ['5 lt fields/N', 'N gt 5'],
    ['id eq 5', 'ID eq 5'],
    ["createdDateTime ge '2024-01-01'", 'Created ge "2024-01-01"'],
    // precedence: not > and > or (the parser itself gets `not` wrong; we regroup)
    ['not fields/A eq 1 and fields/B eq 2', '(not A eq 1 and B eq 2)'],
    ['not (fields/A eq 1) or fields/B eq 2 and fields/C eq 3', '(not A eq 1 or (B eq 2 and C eq 3))'],
    ['fields/A eq 1 and fields/B eq 2 or fields/C eq 3', '((A eq 1 and B eq 2) or C eq 3)'],
    ['fields/A eq 1 and (fields/B eq 2 or fields/C eq 3)', '(A eq 1 and (B eq 2 or C eq 3))'],
    ['not not fields/A eq 1', 'not not A eq 1'],
    ['not (fields/A eq 1 or fields/B eq 2)', 'not (A eq 1 or B eq 2)'],
    ["startswith(fields/T,'ab') and not startswith(fields/T,'abc')", '(startswith(T,"ab") and not startswith(T,"abc"))'],
    ["fields/A eq '100%'", 'A eq "100%"'],
    ["fields/A eq '%27'", 'A eq "%27"'],
    ["fields/A eq '%2527 %20'", 'A eq "%2527 %20"'],
  ])('%s', (input, expected) => {
    expect(show(parseFilter(input))).toBe(expected);
  });

  test.each(["fields/A eq 'x", 'fields/A eq', "fields/A eq 'x' )", "contains(fields/A,'x')", 'fields/A/B eq 1', 'foo eq 1', 'fields/A add 1 eq 2', 'fields/A eq fields/B'])(
    'refuses %s',
    (input) => {
      expect(() => parseFilter(input)).toThrow(expect.objectContaining({ status: 400 }));
    },
  );

  test('$orderby terms', () => {
    expect(parseOrderBy('fields/Date desc,fields/Title, createdDateTime asc')).toEqual([
      { field: 'Date', descending: true },
      { field: 'Title', descending: false },
      { field: 'Created', descending: false },
    ]);
    expect(() => parseOrderBy('fields/Date sideways')).toThrow();
  });

  test('property: any string, escaped by doubling quotes, parses back to itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        fc.pre(!/[\r\n]/.test(s));
        const node = parseFilter(`fields/Name eq ${odataString(s)}`);
        return node.kind === 'compare' && node.value.type === 'string' && node.value.value === s;
      }),
      { numRuns: 500 },
    );
  });

  test('property: stored strings are found by eq, and nothing else is (in-process list)', () => {
    const user = { email: 'p@veenhaven.nl', displayName: 'P', id: 'p' };
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: 'grapheme', maxLength: 12 }).filter((s) => !/[\r\n]/.test(s) && s !== ''), { minLength: 1, maxLength: 15, selector: (s) => s.toLowerCase() }), (names) => {
        const list = ListStore.create({ displayName: 'L', columns: [{ name: 'Name', text: {}, indexed: true }] }, user);
        names.forEach((n) => list.create({ Name: n }, user, 7));
        return names.every((n, i) => {
          const res = list.query({ filter: parseFilter(`fields/Name eq ${odataString(n)}`), top: 100, honorNonIndexed: false });
          return res.items.length === 1 && res.items[0].id === i + 1;
        });
      }),
      { numRuns: 200 },
    );
  });

  test('property (over HTTP): URL-encoded escaped literals round-trip', async () => {
    const h = await startHarness();
    try {
      const { items } = await createList(h, 'Names', [{ name: 'Name', text: {}, indexed: true }]);
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !/[\r\n]/.test(s) && s.trim() !== ''), async (s) => {
          const created = await h.call('POST', items, { fields: { Name: s } });
          const found = await h.call('GET', `${items}?expand=fields&$filter=${q(`fields/Name eq ${odataString(s)}`)}`);
          const ids = found.body.value.map((i: any) => i.id);
          await h.call('DELETE', `${items}/${created.body.id}`);
          return found.status === 200 && ids.length === 1 && ids[0] === created.body.id && found.body.value[0].fields.Name === s;
        }),
        { numRuns: 60 },
      );
    } finally {
      await h.close();
    }
  });
});
