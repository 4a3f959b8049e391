/** The audit trail as CSV (kept apart from core/audit.ts, so that the panes' bundles carry no CSV code). */
import type { AuditEntry } from '../audit';
import { toCsv, type CsvWords } from './csvExport';

/** The trail as CSV in the reader's language (`audit.csv.*`, `audit.action.*`, `audit.result.*`, `audit.surface.*`). */
export function auditCsv(entries: readonly AuditEntry[], words: CsvWords): string {
  const say = (key: string) => words.say({ key });
  const heading = ['when', 'actor', 'actorEmail', 'actorId', 'action', 'list', 'item', 'result', 'surface', 'detail', 'altered'].map((k) => say(`audit.csv.${k}`));
  const rows = entries.map((e) => [
    e.occurredAt,
    e.actor.name,
    e.actor.email,
    e.actor.id,
    say(`audit.action.${e.action}`),
    e.list,
    e.itemId,
    say(`audit.result.${e.result}`),
    e.surface ? say(`audit.surface.${e.surface}`) : '',
    e.detail,
    e.altered,
  ]);
  return toCsv(words, heading, rows);
}
