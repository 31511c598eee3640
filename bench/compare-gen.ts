/**
 * Two revisions for the comparison benchmark (and its test): the 10,000-word benchmark draft
 * (`draft-gen.ts`) as the old revision, and a new revision made from it with a fixed seed: some
 * paragraphs split at a sentence, some pairs merged, some moved, removed or added, words changed
 * in about a fifth of the rest, and every paragraph renumbered in order. The changes made are
 * returned, so that a test can check the comparison finds them.
 */
import { generateDraft } from './draft-gen.js';
import { Random, wrap } from './random.js';

export interface RevisionPair {
  old: string;
  new: string;
  oldWords: number;
  newWords: number;
  /** What was done, by old paragraph number (new numbers as they came out). */
  changes: {
    split: Array<{ old: string; news: string[] }>;
    merged: Array<{ olds: string[]; new: string }>;
    moved: Array<{ old: string; new: string }>;
    removed: string[];
    added: string[];
    edited: Array<{ old: string; new: string }>;
  };
}

interface Block {
  heading?: string;
  /** Old number, or undefined for an added paragraph. */
  olds: string[];
  sentences: string[];
  kind: 'keep' | 'edit' | 'split' | 'merged' | 'moved' | 'added';
  part?: number;
}

const sentencesOf = (text: string): string[] => text.split(/(?<=\.)\s+(?=[A-Z])/);
const countWords = (text: string): number => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

export function generateRevisions(targetWords = 10_000, seed = 20_200_527): RevisionPair {
  const old = generateDraft(targetWords).draft;
  const extra = generateDraft(1_500, seed + 1);
  const r = new Random(seed);

  // Read the old draft into headings and paragraphs.
  const chunks = old.split(/\n\n+/);
  const front = chunks[0]!;
  const blocks: Block[] = [];
  for (const chunk of chunks.slice(1)) {
    const m = /^(\d+)\. ([\s\S]*)$/.exec(chunk);
    if (!m) blocks.push({ heading: chunk, olds: [], sentences: [], kind: 'keep' });
    else blocks.push({ olds: [m[1]!], sentences: sentencesOf(m[2]!.replace(/\s+/g, ' ')), kind: 'keep' });
  }
  const paragraphs = (): Block[] => blocks.filter((b) => !b.heading);
  const pickFree = (min = 0): Block | undefined => {
    const free = paragraphs().filter((b) => b.kind === 'keep' && b.sentences.length >= min);
    return free.length ? r.pick(free) : undefined;
  };

  // Splits: at a sentence boundary, both halves at least one sentence.
  for (let i = 0; i < 4; i++) {
    const b = pickFree(3);
    if (!b) break;
    const at = r.int(1, b.sentences.length - 1);
    const second: Block = { olds: b.olds, sentences: b.sentences.slice(at), kind: 'split', part: 2 };
    b.sentences = b.sentences.slice(0, at);
    b.kind = 'split';
    b.part = 1;
    blocks.splice(blocks.indexOf(b) + 1, 0, second);
  }
  // Merges: a paragraph and the next one (no heading between).
  for (let i = 0; i < 4; i++) {
    const b = pickFree();
    if (!b) break;
    const next = blocks[blocks.indexOf(b) + 1];
    if (!next || next.heading || next.kind !== 'keep') continue;
    b.sentences = [...b.sentences, ...next.sentences];
    b.olds = [...b.olds, ...next.olds];
    b.kind = 'merged';
    blocks.splice(blocks.indexOf(next), 1);
  }
  // Moves: far away (a third of the document or more).
  for (let i = 0; i < 3; i++) {
    const b = pickFree();
    if (!b) break;
    const from = blocks.indexOf(b);
    blocks.splice(from, 1);
    let to = (from + Math.floor(blocks.length / 3) + r.int(0, 10)) % blocks.length;
    if (blocks[to]?.heading) to++;
    b.kind = 'moved';
    blocks.splice(to, 0, b);
  }
  // Removed and added.
  const removed: string[] = [];
  for (let i = 0; i < 3; i++) {
    const b = pickFree();
    if (!b) break;
    removed.push(b.olds[0]!);
    blocks.splice(blocks.indexOf(b), 1);
  }
  const extraParagraphs = extra.draft
    .split(/\n\n+/)
    .map((c) => /^\d+\. ([\s\S]*)$/.exec(c)?.[1])
    .filter((t): t is string => !!t);
  for (let i = 0; i < 3; i++) {
    const at = r.int(1, blocks.length - 1);
    blocks.splice(at, 0, { olds: [], sentences: sentencesOf(extraParagraphs[i]!.replace(/\s+/g, ' ')), kind: 'added' });
  }
  // Word edits: in a fifth of the untouched paragraphs, one to three words replaced, dropped or doubled.
  for (const b of paragraphs()) {
    if (b.kind !== 'keep' || !r.chance(0.2)) continue;
    b.kind = 'edit';
    const words = b.sentences.join(' ').split(' ');
    const edits = r.int(1, 3);
    for (let e = 0; e < edits; e++) {
      const at = r.int(1, words.length - 2);
      const what = r.int(0, 2);
      if (what === 0) words[at] = r.pick(['enhanced', 'practical', 'further', 'concrete', 'agreed']);
      else if (what === 1) words.splice(at, 1);
      else words.splice(at, 0, r.pick(['also', 'further', 'notably', 'inter alia,']));
    }
    b.sentences = [words.join(' ')];
  }

  // Renumber and write out.
  const changes: RevisionPair['changes'] = { split: [], merged: [], moved: [], removed, added: [], edited: [] };
  const out: string[] = [front];
  let n = 0;
  for (const b of blocks) {
    if (b.heading) {
      out.push(b.heading);
      continue;
    }
    const label = String(++n);
    out.push(wrap(`${label}. ${b.sentences.join(' ')}`, 100));
    if (b.kind === 'split') {
      if (b.part === 1) changes.split.push({ old: b.olds[0]!, news: [label] });
      else changes.split.find((s) => s.old === b.olds[0])!.news.push(label);
    } else if (b.kind === 'merged') changes.merged.push({ olds: b.olds, new: label });
    else if (b.kind === 'moved') changes.moved.push({ old: b.olds[0]!, new: label });
    else if (b.kind === 'added') changes.added.push(label);
    else if (b.kind === 'edit') changes.edited.push({ old: b.olds[0]!, new: label });
  }
  const text = `${out.join('\n\n')}\n`;
  return { old, new: text, oldWords: countWords(old), newWords: countWords(text), changes };
}
