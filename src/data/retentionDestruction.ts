/**
 * A reviewed destruction: removes exactly the records the records manager selected from those listed as
 * past their retention period, one by one, and records the destruction report in the audit trail. A
 * selected key that was not listed is ignored; nothing is removed without being both listed and selected.
 */
import type { AuditAction } from '../core/audit';
import type { Interaction } from '../core/model';
import { destructionDetail, destructionReport, reviewedSelection, type DestructionReport, type RetentionCandidate, type RetentionPeriods } from '../core/retention';
import type { PartnerRepository } from './PartnerRepository';
import { WriteLandedError } from './graph/errors';

export interface DestructionTarget {
  repository: Pick<PartnerRepository, 'deleteInteraction' | 'deleteAgendaItem'>;
  /** Removes a trail entry (officials are refused: only list administrators may). */
  deleteAuditEntry(id: string): Promise<void>;
  record(action: Omit<AuditAction, 'key' | 'occurredAt' | 'result'> & Partial<Pick<AuditAction, 'result' | 'occurredAt'>>): Promise<void>;
}

export async function destroyReviewed(
  target: DestructionTarget,
  review: { listed: readonly RetentionCandidate[]; selected: ReadonlySet<string>; periods: RetentionPeriods; by: { name: string; email?: string }; now: () => Date },
  onProgress?: (done: number) => void,
): Promise<DestructionReport> {
  const selected = reviewedSelection(review.listed, review.selected);
  const destroyed: RetentionCandidate[] = [];
  for (const candidate of selected) {
    try {
      if (candidate.list === 'Interactions') {
        await target.repository.deleteInteraction({ id: candidate.id, clientId: candidate.clientId ?? candidate.id, partnerId: candidate.partnerId, confidential: candidate.confidential === true, authorEmail: candidate.authorEmail ?? '' } as Interaction);
      } else if (candidate.list === 'Agenda') {
        await target.repository.deleteAgendaItem({ id: candidate.id, clientId: candidate.clientId ?? candidate.id });
      } else {
        await target.deleteAuditEntry(candidate.id);
      }
      destroyed.push(candidate);
    } catch (error) {
      // Deleted, though its own trail entry failed: destroyed all the same, and named in the report, which
      // is the trail's record of it. Anything else refused or failed: not destroyed; the rest goes on.
      if (error instanceof WriteLandedError) destroyed.push(candidate);
    }
    onProgress?.(destroyed.length);
  }
  const report = destructionReport({ at: review.now(), by: review.by, listed: review.listed, selected, destroyed, periods: review.periods });
  await target.record({ occurredAt: report.at, action: 'destruction', result: report.failed === 0 ? 'success' : report.destroyed > 0 ? 'partial' : 'failed', detail: destructionDetail(report) });
  return report;
}
