/**
 * Completion, by what the cursor follows on its line:
 * - `{++@` (and `{--@`, `{~~@`, `{>>@`): delegation names, those already proposing in the draft
 *   first, then the Member States of the recorded votes in A/73/505;
 * - `A/` or a partial symbol: the symbols of the acquis documents; `A/70/174, para. `: their
 *   paragraphs; `resolution `: the resolutions of the acquis by number;
 * - `paragraph ` / `paragraphs 3 and `: the paragraph numbers of this draft;
 * - otherwise, two or more words that begin an agreed sentence (or a clause of one, after a comma):
 *   the rest of the sentence, verbatim. Only consensus language is offered (a voted text is not
 *   agreed language), and a formulation adopted in several documents is offered once, with the
 *   others in its detail.
 * Nothing else: no words picked up from the document (the `[draft]` defaults turn VS Code's
 * word-based suggestions off).
 * Items carry a `textEdit` over what is already typed, so that clients replace the partial word
 * or symbol instead of appending to it.
 */
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver';
import { normaliseSymbol, unitsOf, type AdoptedDocument, type Engine, type Precedent } from '../../engine/index.js';
import { memberStates } from '../../engine/index.js';
import { adoptionNote, cite } from '../../engine/index.js';
import { formOf } from '../../engine/index.js';
import type { Analysis } from '../analyses.js';
import { crossReferenceKey } from './definition.js';
import { allInlines } from './inline-at.js';
import { firstWords, wordsOf } from './symbols.js';

const MAX_FORMULATIONS = 20;
/** The longest run of typed words compared with a sentence start. */
const MAX_TYPED_WORDS = 24;

export function completion(a: Analysis, offset: number): CompletionItem[] {
  const text = a.draft.text;
  const frontMatter = a.draft.document.frontMatter;
  if (frontMatter && offset < frontMatter.span.end) return [];
  const before = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
  if (/^\s*\/\//.test(before)) return []; // a note to drafters
  const range = (typed: string): Range => ({ start: a.doc.positionAt(offset - typed.length), end: a.doc.positionAt(offset) });
  return (
    proposers(a, before, range) ??
    pinpoints(a, before, range) ??
    symbols(a, before, range) ??
    resolutions(a, before, range) ??
    paragraphNumbers(a, before, range) ??
    formulations(a, before, offset)
  );
}

type Context = (a: Analysis, before: string, range: (typed: string) => Range) => CompletionItem[] | undefined;

const proposers: Context = (a, before, range) => {
  const m = /\{(?:\+\+|--|~~|>>)@([^:{}]*)$/.exec(before);
  if (!m) return undefined;
  const typed = m[1]!;
  const inDraft = new Set<string>();
  for (const node of allInlines(a.draft.document)) if (node.type === 'amendment' && node.proposer) inDraft.add(node.proposer.trim());
  const wanted = typed.trim().toLowerCase();
  const item = (name: string, detail: string, rank: number, i: number): CompletionItem => ({
    label: name,
    kind: CompletionItemKind.Value,
    detail,
    sortText: `${rank}${String(i).padStart(4, '0')}`,
    filterText: name,
    insertText: `${name}:`,
    textEdit: { range: range(typed), newText: `${name}:` },
  });
  const items = [...inDraft].map((name, i) => item(name, 'proposer in this draft', 0, i));
  memberStates.names.forEach((name, i) => {
    if (!inDraft.has(name)) items.push(item(name, 'Member State', 1, i));
  });
  return items.filter((i) => i.label.toLowerCase().includes(wanted));
};

/** `A/70/174, para. ` or `resolution 73/27, para. `: the paragraphs of that document. */
const pinpoints: Context = (a, before, range) => {
  const m = /(?:((?:A|S|E|ST)\/[\w./]*\d[\w./]*\*?)|[Rr]esolution\s+(\d{1,3}\/\d{1,4})),?\s*paras?\.\s*(\d*)$/.exec(before);
  if (!m) return undefined;
  const doc = a.entry.engine.acquis.bySymbol.get(m[1] ? normaliseSymbol(m[1]) : `A/RES/${m[2]}`);
  if (!doc) return [];
  const typed = m[3]!;
  return unitsOf(doc.document, doc.text)
    .filter((u) => u.pinpoint && !u.subparagraph && /^\d/.test(u.pinpoint))
    .map((u, i) => ({
      label: u.pinpoint!,
      kind: CompletionItemKind.Reference,
      detail: firstWords(u.view.text),
      sortText: String(i).padStart(4, '0'),
      textEdit: { range: range(typed), newText: u.pinpoint! },
    }));
};

/** `A/`, `A/70/`: the symbols of the acquis documents. */
const symbols: Context = (a, before, range) => {
  const m = /(?:^|[^\w/.])((?:A|S|E|ST)\/[\w./]*)$/.exec(before);
  if (!m) return undefined;
  const typed = m[1]!;
  return sortedDocuments(a.entry.engine)
    .filter((d) => d.symbol.toUpperCase().startsWith(typed.toUpperCase()))
    .map((d, i) => ({
      label: d.symbol,
      kind: CompletionItemKind.Reference,
      ...(d.title ? { detail: d.title } : {}),
      sortText: String(i).padStart(4, '0'),
      filterText: d.symbol,
      insertText: d.symbol,
      textEdit: { range: range(typed), newText: d.symbol },
    }));
};

/** `resolution `, `resolutions 73/27 and `: the resolutions in the acquis, by number. */
const resolutions: Context = (a, before, range) => {
  const m = /(?:^|\W)[Rr]esolutions?\s+(?:\d{1,3}\/\d{1,4}(?:,\s*|\s+and\s+))*([\d/]*)$/.exec(before);
  if (!m) return undefined;
  const typed = m[1]!;
  return sortedDocuments(a.entry.engine).flatMap((d, i) => {
    const number = /^A\/RES\/(\d{1,3}\/\d{1,4})$/i.exec(normaliseSymbol(d.symbol))?.[1];
    if (!number || !number.startsWith(typed)) return [];
    const item: CompletionItem = { label: number, kind: CompletionItemKind.Reference, sortText: String(i).padStart(4, '0'), textEdit: { range: range(typed), newText: number } };
    if (d.title) item.detail = d.title;
    return [item];
  });
};

function sortedDocuments(engine: Engine): AdoptedDocument[] {
  return [...engine.acquis.documents].sort((x, y) => x.symbol.localeCompare(y.symbol));
}

/** `paragraph `, `paragraphs 3 and `: the numbers of this draft's paragraphs. */
const paragraphNumbers: Context = (a, before, range) => {
  const m = /(?:^|\W)[Pp]aragraphs?\s+(?:\d{1,4}[a-z]*(?:\s*\([a-z0-9]{1,6}\))*(?:,\s*|\s+(?:and|to)\s+))*(\d*[a-z]*)$/.exec(before);
  if (!m) return undefined;
  const typed = m[1]!;
  const views = new Map(a.draft.units.filter((u) => !u.subparagraph).map((u) => [u.paragraph, u.view.text]));
  const seen = new Set<string>();
  const items: CompletionItem[] = [];
  for (const p of a.draft.document.paragraphs) {
    const key = crossReferenceKey(p);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    items.push({
      label: key,
      kind: CompletionItemKind.Reference,
      detail: firstWords(wordsOf(views.get(p), a.draft.text, p.contentSpan)),
      sortText: String(items.length).padStart(4, '0'),
      textEdit: { range: range(typed), newText: key },
    });
  }
  return items;
};

interface Token {
  start: number;
  end: number;
  form: string;
}

/** Words as the engine reads them (letters and digits, with apostrophes), compared by form. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)) out.push({ start: m.index, end: m.index + m[0].length, form: formOf(m[0]) });
  return out;
}

interface Start {
  precedent: Precedent;
  /** Index of the word the sentence or clause starts with. */
  at: number;
}

/**
 * Sentence and clause starts of every precedent, by the form of their first word: built once per
 * engine, on the first completion, so that a keystroke looks up a few candidates instead of
 * scanning the acquis.
 */
const startIndexes = new WeakMap<Engine, Map<string, Start[]>>();
const tokenCache = new WeakMap<Precedent, Token[]>();

function precedentTokens(p: Precedent): Token[] {
  let list = tokenCache.get(p);
  if (!list) {
    list = tokens(p.text);
    tokenCache.set(p, list);
  }
  return list;
}

function startIndex(engine: Engine): Map<string, Start[]> {
  let index = startIndexes.get(engine);
  if (index) return index;
  index = new Map();
  for (const precedent of engine.acquis.precedents) {
    const words = precedentTokens(precedent);
    words.forEach((w, at) => {
      // A clause starts after a comma, semicolon, colon or opening parenthesis.
      const isStart = at === 0 || /[,;:(]/.test(precedent.text.slice(words[at - 1]!.end, w.start));
      if (!isStart || at >= words.length - 1) return;
      const list = index!.get(w.form) ?? [];
      list.push({ precedent, at });
      index!.set(w.form, list);
    });
  }
  startIndexes.set(engine, index);
  return index;
}

interface Candidate {
  precedent: Precedent;
  /** How many typed words it matched. */
  typed: number;
  newText: string;
  insertText: string;
}

function formulations(a: Analysis, before: string, offset: number): CompletionItem[] {
  const typed = tokens(before).slice(-MAX_TYPED_WORDS);
  if (typed.length < 2) return [];
  const last = typed[typed.length - 1]!;
  // The cursor touches the last word: it may be unfinished, and the completion replaces it.
  const partial = last.end === before.length;
  const tail = before.slice(last.end);
  const index = startIndex(a.entry.engine);
  const found: Candidate[] = [];
  for (let k = typed.length; k >= 2; k--) {
    const run = typed.slice(typed.length - k);
    for (const { precedent, at } of index.get(run[0]!.form) ?? []) {
      const words = precedentTokens(precedent);
      if (at + k > words.length) continue;
      const ok = run.every((t, j) => {
        const w = words[at + j]!;
        return partial && j === k - 1 ? w.form.startsWith(t.form) : w.form === t.form;
      });
      if (!ok) continue;
      const end = words[at + k - 1]!;
      const candidate = rest(precedent.text, end, last, partial, tail);
      if (candidate) found.push({ precedent, typed: k, ...candidate });
    }
  }
  // Consensus only; the closest fit (more typed words matched) first, then the most recent.
  const agreed = found.filter((c) => c.precedent.document.adoption.kind === 'consensus');
  agreed.sort((x, y) => y.typed - x.typed || (y.precedent.document.year ?? 0) - (x.precedent.document.year ?? 0));
  // One item per formulation: the same words (punctuation aside) from several documents are one.
  const groups = new Map<string, Candidate[]>();
  for (const c of agreed) {
    const key = tokens(c.newText).map((t) => t.form).join(' ');
    const group = groups.get(key);
    if (group) {
      if (!group.some((g) => g.precedent === c.precedent)) group.push(c);
    } else groups.set(key, [c]);
  }
  const items: CompletionItem[] = [];
  const lastStart = a.doc.positionAt(offset - (before.length - last.start));
  const cursor = a.doc.positionAt(offset);
  for (const [, [c, ...others]] of groups) {
    if (items.length >= MAX_FORMULATIONS) break;
    const p = c!.precedent;
    const also = others.map((o) => `${cite(o.precedent)}${o.precedent.document.year ? ` (${o.precedent.document.year})` : ''}`);
    items.push({
      label: firstWords(c!.insertText, 10),
      kind: CompletionItemKind.Text,
      detail: `${cite(p)} (${adoptionNote(p)})${also.length ? `; also ${also.join(', ')}` : ''}`,
      documentation: p.text,
      sortText: String(items.length).padStart(4, '0'),
      filterText: c!.newText,
      insertText: c!.insertText,
      textEdit: { range: { start: partial ? lastStart : cursor, end: cursor }, newText: c!.newText },
    });
  }
  return items;
}

/**
 * The rest of a precedent sentence after its word `end`. `newText` replaces the typed word when
 * the cursor touches it (the word may be unfinished), or goes in at the cursor; `insertText` is the
 * remaining words. Punctuation typed after the last word must be the precedent's.
 */
function rest(sentence: string, end: Token, last: Token, partial: boolean, tail: string): Pick<Candidate, 'newText' | 'insertText'> | undefined {
  const after = sentence.slice(end.end);
  if (!after.trim()) return undefined;
  if (partial) {
    const word = sentence.slice(end.start, end.end);
    return { newText: word + after, insertText: end.form === last.form ? after.trimStart() : word + after };
  }
  const typedMarks = tail.replace(/\s+/g, '');
  const remaining = after.trimStart();
  if (!remaining.startsWith(typedMarks)) return undefined;
  const words = remaining.slice(typedMarks.length).trimStart();
  return { newText: /\s$/.test(tail) ? words : ` ${words}`, insertText: words };
}
