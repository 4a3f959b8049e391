/**
 * The detection case format of tests/fixtures/detection (see issue 3), checked and run. Pure, so the
 * `detect:check` CLI and the jest suite share it and cannot disagree about what a case means.
 * Messages here are for developers on the command line, hence English sentences.
 */
import { detectPartners } from './detectPartners';
import { buildPartnerIndex } from './partnerIndex';
import type { DetectablePartner, DetectionMessage, DetectionResult, DetectionSettings } from './types';

export interface DetectionCase {
  name: string;
  kind: 'email' | 'meeting';
  message: Omit<DetectionMessage, 'kind'>;
  expect: { partners: string[]; unknownDomains?: string[] };
}

export interface CaseFile {
  settings: DetectionSettings;
  partners: DetectablePartner[];
  cases: DetectionCase[];
}

export interface CaseOutcome {
  name: string;
  passed: boolean;
  expected: DetectionCase['expect'];
  got: { partners: string[]; unknownDomains: string[] };
  result: DetectionResult;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Either the file, or every reason it is not one (so an author fixes them in one go). */
export function readCaseFile(json: unknown): { ok: true; file: CaseFile } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (!isObject(json)) return { ok: false, errors: ['the top level must be an object with "partners" and "cases"'] };

  const settings: DetectionSettings = { internalDomains: [], ignoredAddresses: [] };
  if (json.settings !== undefined) {
    if (!isObject(json.settings)) errors.push('"settings" must be an object');
    else {
      for (const key of ['internalDomains', 'ignoredAddresses'] as const) {
        const v = json.settings[key];
        if (v === undefined) continue;
        if (isStrings(v)) settings[key] = v;
        else errors.push(`settings.${key} must be an array of strings`);
      }
    }
  }

  const partners: DetectablePartner[] = [];
  if (!Array.isArray(json.partners)) errors.push('"partners" must be an array');
  else {
    json.partners.forEach((p: unknown, i: number) => {
      if (!isObject(p) || typeof p.id !== 'string' || p.id === '') {
        errors.push(`partners[${i}] must be an object with a non-empty string "id"`);
        return;
      }
      if (p.name !== undefined && typeof p.name !== 'string') errors.push(`partners[${i}].name must be a string`);
      const lists: Record<'aliases' | 'domains' | 'contacts', string[]> = { aliases: [], domains: [], contacts: [] };
      for (const key of ['aliases', 'domains', 'contacts'] as const) {
        const v = p[key];
        if (v === undefined) continue;
        if (isStrings(v)) lists[key] = v;
        else errors.push(`partners[${i}].${key} must be an array of strings`);
      }
      partners.push({ id: p.id, name: typeof p.name === 'string' ? p.name : p.id, ...lists });
    });
  }

  const cases: DetectionCase[] = [];
  if (!Array.isArray(json.cases) || json.cases.length === 0) errors.push('"cases" must be a non-empty array');
  else {
    json.cases.forEach((c: unknown, i: number) => {
      const where = isObject(c) && typeof c.name === 'string' ? `cases[${i}] ("${c.name}")` : `cases[${i}]`;
      if (!isObject(c)) return void errors.push(`${where} must be an object`);
      const before = errors.length;
      if (typeof c.name !== 'string' || c.name.trim() === '') errors.push(`${where} needs a "name"`);
      if (c.kind !== 'email' && c.kind !== 'meeting') errors.push(`${where}.kind must be "email" or "meeting"`);
      if (!isObject(c.message)) errors.push(`${where}.message must be an object`);
      if (!isObject(c.expect)) errors.push(`${where}.expect must be an object`);
      else {
        if (!isStrings(c.expect.partners)) errors.push(`${where}.expect.partners must be an array of partner ids`);
        if (c.expect.unknownDomains !== undefined && !isStrings(c.expect.unknownDomains))
          errors.push(`${where}.expect.unknownDomains must be an array of strings`);
      }
      if (errors.length === before) cases.push(c as unknown as DetectionCase);
    });
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, file: { settings, partners, cases } };
}

const sameList = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export function runCaseFile(file: CaseFile): CaseOutcome[] {
  const index = buildPartnerIndex(file.partners, file.settings);
  return file.cases.map((c) => {
    const result = detectPartners(index, { ...c.message, kind: c.kind });
    const got = { partners: result.matches.map((m) => m.partnerId), unknownDomains: result.unknownDomains };
    const expectedUnknown = c.expect.unknownDomains;
    const passed =
      sameList(got.partners, c.expect.partners) &&
      (expectedUnknown === undefined || sameList([...new Set(expectedUnknown)].sort(), got.unknownDomains));
    return { name: c.name, passed, expected: c.expect, got, result };
  });
}

/** One line per match: who, why, in ranking order. */
export function describeEvidence(result: DetectionResult): string[] {
  if (result.matches.length === 0) return ['(no partner matched)'];
  return result.matches.map((m, i) => {
    const people = m.participants.map(
      (p) => `${p.role} ${p.address} via ${p.via === 'contact' ? 'contact' : `domain ${p.domain}`}`,
    );
    const subject = m.subjectTerms.map((t) => `subject "${t}"`);
    const lead = m.isSenderOrOrganizer ? ', sender/organizer' : '';
    return `${i + 1}. ${m.partnerId} (${m.name}${lead}): ${[...people, ...subject].join('; ')}`;
  });
}

export function describeFailure(outcome: CaseOutcome, file?: string): string {
  const show = (v: string[] | undefined): string => (v === undefined ? '(not checked)' : JSON.stringify(v));
  const lines = [
    `FAIL ${file ? `${file} › ` : ''}${outcome.name}`,
    `  expected partners:       ${show(outcome.expected.partners)}`,
    `  got partners:            ${show(outcome.got.partners)}`,
  ];
  if (outcome.expected.unknownDomains !== undefined) {
    lines.push(`  expected unknownDomains: ${show(outcome.expected.unknownDomains)}`);
    lines.push(`  got unknownDomains:      ${show(outcome.got.unknownDomains)}`);
  }
  lines.push('  evidence:', ...describeEvidence(outcome.result).map((l) => `    ${l}`));
  return lines.join('\n');
}
