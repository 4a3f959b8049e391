import { useCallback, useEffect, useState } from 'react';
import type { Official, Partner } from '../../core/model';
import { outcomeKey, pendingProposals, untoldOutcomes } from '../../core/proposals';
import { deviceLocalStorage } from '../../data/deviceStorage';
import type { Services } from '../services';
import { onIdle } from '../shell/onIdle';

const DAY_MS = 86_400_000;
/** What this device remembers per official: which decisions it told, when it last asked, whether one is awaited. */
interface Told {
  told: string[];
  checkedAt?: string;
  /** Since when a proposal of theirs is known to wait for a decision. */
  waitingSince?: string;
}

const keyOf = (official: Official) => `partnerzicht.proposals.${official.email.trim().toLowerCase()}`;

function read(official: Official): Told {
  try {
    const parsed = JSON.parse(deviceLocalStorage()?.getItem(keyOf(official)) ?? 'null') as Partial<Told> | null;
    return { told: Array.isArray(parsed?.told) ? parsed.told.filter((k): k is string => typeof k === 'string') : [], checkedAt: parsed?.checkedAt, waitingSince: parsed?.waitingSince };
  } catch {
    return { told: [] };
  }
}

function write(official: Official, told: Told): void {
  try {
    // The last 200 decisions are plenty to never tell one twice.
    deviceLocalStorage()?.setItem(keyOf(official), JSON.stringify({ ...told, told: told.told.slice(-200) }));
  } catch {
    // Not remembered: the decision is told again next time.
  }
}

/**
 * The register owner's decisions on this official's own proposals that the pane has not told them yet.
 * They are read from the Partners list (the proposals themselves carry the decision) when the browser is
 * idle after the pane has what it shows: while this device knows of a proposal still waiting, and at
 * most once a day otherwise (a proposal made on another device), so most opens cost no request.
 */
export function useProposalOutcomes(services: Pick<Services, 'repository' | 'now'>, official: Official | undefined) {
  const [outcomes, setOutcomes] = useState<Partner[]>([]);
  const { repository, now } = services;

  useEffect(() => {
    if (!official) return;
    const stored = read(official);
    const due = stored.waitingSince || !stored.checkedAt || now().getTime() - Date.parse(stored.checkedAt) > DAY_MS;
    if (!due) return;
    let live = true;
    const cancel = onIdle(() => {
      const asked = now().toISOString();
      void repository.listProposalsBy(official.email).then(
          (proposals) => {
            const latest = read(official);
            // Still waiting when one is pending, or when one was proposed here while we asked (not sent yet).
            const waiting = pendingProposals(proposals).length > 0 || (latest.waitingSince !== undefined && latest.waitingSince >= asked);
            write(official, { ...latest, checkedAt: asked, waitingSince: waiting ? (latest.waitingSince ?? asked) : undefined });
            if (live) setOutcomes(untoldOutcomes(proposals, new Set(latest.told)));
          },
          () => undefined, // asked again on the next open
        );
    }, { timeout: 5000, fallbackMs: 500 });
    return () => {
      live = false;
      cancel();
    };
  }, [repository, now, official]);

  /** The official has read it: not told again on this device. */
  const dismiss = useCallback(
    (proposal: Partner) => {
      if (!official) return;
      const stored = read(official);
      write(official, { ...stored, told: [...stored.told, outcomeKey(proposal)] });
      setOutcomes((shown) => shown.filter((p) => p.id !== proposal.id));
    },
    [official],
  );

  /** A proposal was just made here: ask for its decision on the next opens until there is one. */
  const expect = useCallback(() => {
    if (official) write(official, { ...read(official), waitingSince: now().toISOString() });
  }, [official, now]);

  return { outcomes, dismiss, expect };
}
