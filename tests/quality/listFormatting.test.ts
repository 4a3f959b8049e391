import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { nl } from '../../src/i18n/nl';
import { SCHEMA, type ColumnSpec, type ListName } from '../../src/data/schema';

/**
 * The column-formatting JSON that docs/lists-outside-the-app.md tells an administrator to paste into
 * Microsoft Lists (Graph has no call for it). Each file is `<list>.<column>.json`; this keeps them true
 * to the schema: the list and column exist, every `[$column]` it reads exists in that list, every code
 * it compares the column with is one of the column's choices and every choice gets the label the app
 * itself shows (nl catalogue), so a renamed column or a new status cannot leave the lists unreadable.
 */
const folder = path.join(__dirname, '..', '..', 'docs', 'list-formatting');
const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
const LABEL_KEYS: Record<string, (code: string) => string> = {
  'Partners.status': (code) => `partner.status.${code}`,
  'Interactions.kind': (code) => `kind.${code}`,
  'Agenda.status': (code) => `agenda.status.${code}`,
};

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('column formatting for Microsoft Lists (docs/list-formatting)', () => {
  test('there is formatting for every coded choice column and the links', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(
      expect.arrayContaining(['Agenda.dueDate', 'Agenda.status', 'Interactions.confidential', 'Interactions.kind', 'Interactions.partnerId', 'Partners.status']),
    );
  });

  test.each(files)('%s fits the schema and speaks the app’s words', (file) => {
    const [list, column] = file.replace(/\.json$/, '').split('.') as [ListName, string];
    expect(Object.keys(SCHEMA)).toContain(list);
    const columns = SCHEMA[list].columns as readonly ColumnSpec[];
    const spec = columns.find((c) => c.name === column);
    expect(spec).toBeDefined();
    const json = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Record<string, unknown>;
    expect(json.$schema).toBe('https://developer.microsoft.com/json-schemas/sp/v2/column-formatting.schema.json');
    expect(['div', 'span', 'a']).toContain(json.elmType);
    const text = strings(json).join('\n');
    for (const [, name] of text.matchAll(/\[\$(\w+)\]/g)) expect(columns.map((c) => c.name)).toContain(name);
    const compared = [...text.matchAll(/@currentField == '([^']*)'/g)].map((m) => m[1]);
    if (spec?.kind === 'choice') {
      expect([...new Set(compared)].sort()).toEqual([...(spec.choices ?? [])].sort());
      const label = LABEL_KEYS[`${list}.${column}`];
      expect(label).toBeDefined();
      for (const code of spec.choices ?? []) {
        const shown = nl[label(code) as keyof typeof nl];
        expect(text).toContain(`@currentField == '${code}', '${shown}'`);
      }
    } else {
      expect(compared).toEqual([]);
    }
  });
});
