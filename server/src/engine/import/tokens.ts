/**
 * Rejoining the lines of a paragraph into words. The only decisions taken here are at line ends:
 * a hyphen (hyphenation.ts), a soft hyphen (always a broken word) and a slash (a URL or a symbol
 * wrapped after "/", which has no space in it).
 */
import { hyphenAtLineEnd } from './hyphenation.js';
import type { SourceLine, Token, Warnings } from './model.js';
import type { Vocabulary } from './vocabulary.js';

const token = (text: string, line: number): Token => ({ text, line, refs: [], tail: '' });

export function tokenize(lines: SourceLine[], vocabulary: Vocabulary, warnings?: Warnings): Token[] {
  const out: Token[] = [];
  for (const line of lines) {
    const words = line.text.split(/\s+/).filter(Boolean);
    words.forEach((word, i) => {
      const prev = out[out.length - 1];
      if (i === 0 && prev) {
        const joined = joinAtLineEnd(prev, word, vocabulary, warnings);
        if (joined !== undefined) {
          prev.text = joined;
          return;
        }
      }
      out.push(token(word, line.line));
    });
  }
  // A soft hyphen left at the very end (nothing followed) is dropped.
  const last = out[out.length - 1];
  if (last) last.text = last.text.replace(/\u00ad$/, '');
  return out;
}

/** The word made of `prev` and the first word of the next line, or undefined to keep them apart. */
function joinAtLineEnd(prev: Token, next: string, vocabulary: Vocabulary, warnings?: Warnings): string | undefined {
  const text = prev.text;
  if (text.endsWith('\u00ad')) return text.slice(0, -1) + next;
  if (text.length > 1 && text.endsWith('/') && !next.startsWith('/')) return text + next;
  if (!/\p{L}-$/u.test(text)) return undefined;
  const decision = hyphenAtLineEnd(text.slice(0, -1), next, vocabulary);
  if (!decision.certain) {
    warnings?.add(prev.line, `${text}${next}`, 'hyphen at a line end kept, but neither form occurs elsewhere in the document');
  }
  return decision.join ? text.slice(0, -1) + next : text + next;
}

/** The text of tokens, with their footnote references written `[^n]`. */
export function tokensText(tokens: Token[], refText: (id: string) => string = (id) => `[^${id}]`): string {
  return tokens.map((t) => t.text + t.refs.map(refText).join('') + t.tail).join(' ');
}
