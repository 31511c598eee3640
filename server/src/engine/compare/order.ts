/**
 * Which of two revisions is the older, from their front matter: the `date` first, then the
 * `revision` (a number in it, else the drafting stage its words name, `revised` counting as
 * later). The caller shows the reason, so a drafter can see why the redline runs the way it does.
 */
import { parse } from '../../../../grammar/src/index.js';

/** What a revision's front matter says about its place in the sequence. */
export interface RevisionStamp {
  date?: string;
  revision?: string;
}

export interface RevisionOrder<T> {
  older: T;
  newer: T;
  /** True when the front matter decided; false when the two are kept in the order given. */
  decided: boolean;
  /** One sentence: why this order (`by date: 2020-03-11 before 2020-05-27`). */
  reason: string;
}

/** The `date` and `revision` of a draft's front matter. */
export function revisionStamp(text: string): RevisionStamp {
  const fields = parse(text).document.frontMatter?.fields ?? {};
  const stamp: RevisionStamp = {};
  if (fields.date?.trim()) stamp.date = fields.date.trim();
  if (fields.revision?.trim()) stamp.revision = fields.revision.trim();
  return stamp;
}

/**
 * Orders `a` and `b` (each with its front matter stamp). When the front matter cannot tell, `a`
 * is taken as the older and `decided` is false.
 */
export function orderRevisions<T>(a: T, b: T, stampOf: (x: T) => RevisionStamp): RevisionOrder<T> {
  const sa = stampOf(a);
  const sb = stampOf(b);
  const da = dateValue(sa.date);
  const db = dateValue(sb.date);
  if (da !== undefined && db !== undefined && da !== db) {
    const aFirst = da < db;
    return {
      older: aFirst ? a : b,
      newer: aFirst ? b : a,
      decided: true,
      reason: `by date: ${aFirst ? sa.date : sb.date} before ${aFirst ? sb.date : sa.date}`,
    };
  }
  const ra = revisionRank(sa.revision);
  const rb = revisionRank(sb.revision);
  if (ra !== undefined && rb !== undefined && ra !== rb) {
    const aFirst = ra < rb;
    const sameDate = da !== undefined && da === db ? ` (same date, ${sa.date})` : '';
    return {
      older: aFirst ? a : b,
      newer: aFirst ? b : a,
      decided: true,
      reason: `by revision${sameDate}: "${aFirst ? sa.revision : sb.revision}" before "${aFirst ? sb.revision : sa.revision}"`,
    };
  }
  return { older: a, newer: b, decided: false, reason: 'the front matter does not tell which is older (no date or revision that differs)' };
}

/** Days since the epoch for `2020-05-27`, `27 May 2020`, `May 2020`...; undefined if unreadable. */
function dateValue(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(date);
  const ms = iso ? Date.UTC(Number(iso[1]), Number(iso[2] ?? 1) - 1, Number(iso[3] ?? 1)) : Date.parse(`${date} UTC`);
  return Number.isFinite(ms) ? Math.floor(ms / 86_400_000) : undefined;
}

const STAGES: Array<[RegExp, number]> = [
  [/\bzero\b/, 0],
  [/\bpre\b/, 0.5],
  [/\b(first|1st)\b/, 1],
  [/\b(second|2nd)\b/, 2],
  [/\b(third|3rd)\b/, 3],
  [/\b(fourth|4th)\b/, 4],
  [/\b(fifth|5th)\b/, 5],
  [/\bfinal\b/, 90],
  [/\b(adopted|report)\b/, 100],
];

/**
 * A number for a revision name: `Rev.2` and `revision 3` by their number; `zero draft`,
 * `pre-draft`, `first draft`, `final draft` by their stage; `revised` adds a little (a
 * `revised pre-draft` follows the `pre-draft`). Undefined when nothing in it can be ranked.
 */
function revisionRank(revision: string | undefined): number | undefined {
  if (!revision) return undefined;
  const r = revision.toLowerCase();
  const number = /\brev(?:ision)?\.?\s*(\d+)/.exec(r) ?? /^\s*(\d+)\s*$/.exec(r);
  if (number) return Number(number[1]);
  const stage = STAGES.find(([re]) => re.test(r))?.[1];
  const revised = /\brevised\b/.test(r) ? 0.25 : 0;
  if (stage === undefined) return revised ? revised : undefined;
  return stage + revised;
}
