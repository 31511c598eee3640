/** Shared by the comparison tests: small drafts built from distinct sentences. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Comparison, MappingEntry } from '../../server/src/engine/compare/index';

export const ROOT = resolve(__dirname, '..', '..');
export const PRE_DRAFT = join(ROOT, 'samples', 'oewg-pre-draft.draft');
export const REVISED = join(ROOT, 'samples', 'revised-pre-draft.draft');
export const readSample = (path: string): string => readFileSync(path, 'utf8');

/**
 * Distinct paragraphs of report prose (from the pre-draft sample and the GGE reports), so that
 * no two of them look alike.
 */
export const P = {
  milestones:
    'The three consensus reports adopted by the GGEs are cumulative in nature and constitute important milestones in international cooperation towards an open, secure, stable, accessible and peaceful ICT environment.',
  lens:
    'The OEWG recognizes that the individual elements comprising its mandate are interrelated and mutually reinforcing, and are to be considered through a human-centric lens.',
  automation:
    'Pursuit of increasing automation and autonomy in ICT operations was also put forward as a specific concern by a number of delegations during the second session.',
  supplyChain:
    'Concerns were also raised about the exploitation of harmful hidden functions and the integrity of global ICT supply chains, which affect every State.',
  prudence:
    'In this regard, it was noted that the issue of the applicability of international humanitarian law to the use of ICTs by States needed to be handled with prudence.',
  talent:
    'Once capacity has been built, some countries face the challenge of talent retention in a competitive market for ICT professionals and specialists.',
  forums:
    'It was recalled that there are established forums within the UN system focused on issues relating to ICTs and terrorism, crime, human rights and Internet governance.',
  ownership:
    'States stressed the importance of national ownership in the identification of capacity-building and technical assistance needs and priorities of recipient countries.',
  roadmap:
    'Different cooperative approaches were also proposed, such as developing a roadmap to assist States in their implementation efforts at the national level.',
  agency:
    'Another possibility raised was that an inter-governmental specialized agency could be established to support the regular institutional dialogue in the future.',
} as const;

/** A draft of numbered paragraphs: `[label, text]` pairs. */
export function draft(paragraphs: Array<[string, string]>, revision = 'rev'): string {
  return `---\ntitle: Test draft\nrevision: ${revision}\n---\n\n${paragraphs.map(([l, t]) => `${l}. ${t}`).join('\n\n')}\n`;
}

/** The mapping as compact strings: `old>new kind`. */
export const compact = (c: Comparison): string[] => c.mapping.map((m: MappingEntry) => `${m.old ?? '-'}>${m.new ?? '-'} ${m.kind}`);
