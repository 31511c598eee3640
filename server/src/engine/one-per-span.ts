/**
 * One finding per span: a stretch of the draft that several rules describe gets the one finding
 * that says the most, so the CLI, the report and the editor show the same single entry.
 *
 * - precedent.voted and precedent.deviation on the same match: the deviation stays, and its
 *   message already names the vote; the lineage the voted finding had found is added to it.
 * - precedent.voted and precedent.agreed on the same match: the voted finding stays (the text is
 *   language adopted by vote, which is the point; the agreed finding would only repeat it).
 * - A US spelling inside a quote that departs from its precedent: precedent.deviation reports it
 *   (it names the precedent, and its fix gives the precedent's exact wording), style.spelling
 *   does not.
 */
import type { Finding } from './rules/rule.js';

const overlaps = (a: Finding, b: Finding): boolean => a.span.start < b.span.end && b.span.start < a.span.end;

/** Whose text a finding is about: the draft's (''), or a proposer's (amendments/proposal-findings.ts). */
const author = (f: Finding): string => String((f.data?.['proposal'] as { proposer?: string } | undefined)?.proposer ?? '');

const samePrecedent = (a: Finding, b: Finding): boolean =>
  !!a.precedent &&
  !!b.precedent &&
  a.precedent.symbol === b.precedent.symbol &&
  a.precedent.paragraph === b.precedent.paragraph &&
  author(a) === author(b);

/** What samePrecedent compares, as one string. */
const precedentKey = (f: Finding): string => `${f.precedent!.symbol}\u0000${f.precedent!.paragraph}\u0000${author(f)}`;

/** The findings with the duplicates folded in (order kept). */
export function onePerSpan(findings: Finding[]): Finding[] {
  // The four rules' findings in one pass over the draft's findings (order kept).
  const deviations: Finding[] = [];
  const agreed: Finding[] = [];
  const voted: Finding[] = [];
  const spelling: Finding[] = [];
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const id = f.ruleId;
    if (id === 'precedent.deviation') deviations.push(f);
    else if (id === 'precedent.agreed') agreed.push(f);
    else if (id === 'precedent.voted') voted.push(f);
    else if (id === 'style.spelling') spelling.push(f);
  }
  if (!voted.length && !spelling.length) return findings;
  const drop = new Set<Finding>();
  const replace = new Map<Finding, Finding>();

  // Deviations by precedent and author: a voted finding looks only at those of its own precedent.
  const byPrecedent = new Map<string, Finding[]>();
  for (const d of deviations) {
    if (!d.precedent) continue;
    const key = precedentKey(d);
    const list = byPrecedent.get(key);
    if (list) list.push(d);
    else byPrecedent.set(key, [d]);
  }
  for (const v of voted) {
    const deviation = v.precedent ? byPrecedent.get(precedentKey(v))?.find((d) => overlaps(d, v) && samePrecedent(d, v)) : undefined;
    if (deviation) {
      drop.add(v);
      const lineage = lineageSentences(v);
      const current = replace.get(deviation) ?? deviation;
      if (lineage && !current.message.includes(lineage)) {
        replace.set(deviation, { ...current, message: `${current.message} ${lineage}`, data: { ...current.data, restates: v.data?.['restates'] } });
      }
      continue;
    }
    for (const a of agreed) if (overlaps(a, v) && samePrecedent(a, v)) drop.add(a);
  }

  for (const s of spelling) {
    const word = String(s.data?.['matched'] ?? '').toLowerCase();
    if (!word) continue;
    const covered = deviations.some(
      (d) => overlaps(d, s) && author(d) === author(s) && changesOf(d).some((c) => c.reason === 'spelling' && c.description.toLowerCase().includes(`"${word}"`)),
    );
    if (covered) drop.add(s);
  }

  if (!drop.size && !replace.size) return findings;
  return findings.filter((f) => !drop.has(f)).map((f) => replace.get(f) ?? f);
}

function changesOf(f: Finding): Array<{ reason: string; description: string }> {
  const changes = f.data?.['changes'];
  return Array.isArray(changes) ? (changes as Array<{ reason: string; description: string }>) : [];
}

/** The voted finding's sentences after the first (what the voted text says it restates). */
function lineageSentences(v: Finding): string {
  if (!v.data?.['restates']) return '';
  const at = v.message.indexOf('has this wording. ');
  return at < 0 ? '' : v.message.slice(at + 'has this wording. '.length);
}
