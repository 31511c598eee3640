/**
 * `citation.valid`: UN document symbols are well formed, and a cited paragraph exists in the
 * cited document when the acquis holds it.
 *
 * Kinds of finding (each can be given its own severity, or `off`, as an option of the rule):
 * - `malformed` (error): the symbol is not a well-formed UN symbol (`A/C.1/73/L27`,
 *   `A/RES/730/27`, `A/70/Rev.1/174`), or a resolution number names an impossible session;
 * - `oldSession` (warning): `resolution 20/8` read as a General Assembly resolution, though the
 *   Assembly numbered its resolutions by session only from its 31st session;
 * - `missingParagraph` (error): the acquis holds the whole document and it has no such paragraph;
 * - `notTranscribed` (info): the acquis holds only an excerpt (`excerpt: true`) without it;
 * - `notInAcquis` (info): the document is not in the acquis, so its paragraphs are not checked.
 */
import type { Citation, Span } from '../../../../grammar/src/index.js';
import { normaliseSymbol } from '../acquis/acquis.js';
import type { AdoptedDocument } from '../acquis/model.js';
import type { Rule, RuleContext, Severity } from './rule.js';
import { adoptedIsExcerpt, lookUpPin, numberOption, pinpointsOf, pinsIn, placedInlines, reportAs } from './structure-common.js';
import { checkSymbol, DEFAULT_LIMITS, type SymbolLimits } from './un-symbol.js';

const ID = 'citation.valid';
const DEFAULT: Severity = 'error';

/** A symbol as the grammar recognises one: organ, then `/` parts, with a digit somewhere. */
const SYMBOL_SHAPE = /^(?:A|S|E|ST)(?:\/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)+\*?$/;

interface Cited {
  /** The document in the acquis, if it is there. */
  doc?: AdoptedDocument;
  /** How the draft names it (`A/70/174`, `resolution 73/27`). */
  name: string;
  end: number;
}

const report = (ctx: RuleContext, natural: Severity, kind: string, finding: Parameters<typeof reportAs>[4]): void =>
  reportAs(ctx, DEFAULT, natural, kind, finding);

/** `1 to 40`: the range of a document's numbered paragraphs, for a message. */
function paragraphRange(doc: AdoptedDocument): string | undefined {
  const numbers = [...pinpointsOf(doc)].filter((p) => /^\d+$/.test(p)).map(Number);
  if (!numbers.length) return undefined;
  return `${Math.min(...numbers)} to ${Math.max(...numbers)}`;
}

/** Check the pinpoints of a citation against the document it cites. */
function checkPins(ctx: RuleContext, citation: Citation, cited: Cited): void {
  const doc = cited.doc;
  if (!doc || !citation.paragraphs.length) return;
  const found = pinsIn(ctx.draft.text, citation.span, /\bparas?\b\.?/);
  // Trust the positions only when they read as the grammar read the pins.
  const pins =
    found.length === citation.paragraphs.length
      ? found.map((p, i) => ({ text: citation.paragraphs[i]!, span: p.span }))
      : citation.paragraphs.map((text) => ({ text, span: citation.span }));
  // `para. 1.2`: the grammar's pinpoint stops at `1`; the item number follows in the source.
  const text = ctx.draft.text;
  for (const pin of pins) {
    const more = /^\d+$/.test(pin.text) ? /^(?:\.\d{1,3})+(?![\p{L}\p{N}])/u.exec(text.slice(pin.span.end, pin.span.end + 16)) : null;
    if (more) {
      pin.text += more[0];
      pin.span = { start: pin.span.start, end: pin.span.end + more[0].length };
    }
  }
  const excerpt = adoptedIsExcerpt(doc);
  for (const pin of pins) {
    const place = lookUpPin(doc, pin.text);
    if (place.state === 'found') continue;
    const what = place.state === 'no-subparagraph' ? `paragraph ${place.deepest} has no sub-paragraph ${pin.text.slice(place.deepest.length).trim()}` : `there is no paragraph ${pin.text}`;
    if (excerpt) {
      report(ctx, 'info', 'notTranscribed', {
        message: `${cited.name}, para. ${pin.text} is not in the acquis: only an excerpt of ${doc.symbol} is transcribed (\`excerpt: true\`), so it cannot be checked.`,
        span: pin.span,
        data: { symbol: doc.symbol, paragraph: pin.text },
      });
    } else {
      const range = place.state === 'no-paragraph' ? paragraphRange(doc) : undefined;
      report(ctx, 'error', 'missingParagraph', {
        message: `${cited.name} is cited at para. ${pin.text}, but in ${doc.symbol} ${what}${range ? ` (its paragraphs are numbered ${range})` : ''}.`,
        span: pin.span,
        data: { symbol: doc.symbol, paragraph: pin.text },
      });
    }
  }
}

function checkSymbolCitation(ctx: RuleContext, written: string, span: Span, limits: SymbolLimits): { ok: boolean } {
  const text = ctx.draft.text;
  const verdict = checkSymbol(written, limits, text.slice(span.end, span.end + 16));
  if (!verdict.problems.length) return { ok: true };
  const corrected = verdict.corrected;
  report(ctx, 'error', 'malformed', {
    message: `\`${written}\` is not a well-formed UN document symbol: ${verdict.problems.join('; ')}.${corrected ? ` Did you mean \`${corrected}\`?` : ''}`,
    span,
    data: { symbol: written, problems: verdict.problems, ...(corrected ? { corrected } : {}) },
    fixes: corrected ? [{ title: `Write \`${corrected}\``, edits: [{ start: span.start, end: span.end, text: corrected }], safe: false }] : [],
  });
  return { ok: false };
}

function notInAcquis(ctx: RuleContext, symbol: string, name: string, span: Span, hasPins: boolean): void {
  report(ctx, 'info', 'notInAcquis', {
    message: `${name.replace(/\*$/, '') === symbol ? name : `${name} (${symbol})`} is not in the acquis${hasPins ? ': the paragraphs cited are not checked' : ''}.`,
    span,
    data: { symbol },
  });
}

/** The text just before a resolution citation names another body than the General Assembly. */
const OTHER_BODY = /\b(?:Council|Commission|Board|Conference|Committee|Assembly of the [A-Z][\w ]*|UNESCO|WHO|IAEA|ITU)\s*$/;

export const citationValid: Rule = {
  id: ID,
  defaultSeverity: DEFAULT,
  summary: 'Document symbols must be well formed, and a cited paragraph must exist.',
  docs:
    'Checks each citation of a UN document: the symbol is well formed (organ `A/`, `S/`, `E/` or `ST/`; a ' +
    'body such as `C.1`, `AC.290` or `HRC`; a session or year; a series or type such as `RES`, `L.27`, `CRP.2`, ' +
    '`PV.31`; the number; `Rev.1`, `Corr.1`, `Add.1` last; a trailing `*` for a reissue) and its session or year ' +
    'is plausible; when the acquis holds the document (also `resolution 73/27`, read as `A/RES/73/27`), the cited ' +
    'paragraph (`para. 18`, `13 (f)`, `18 (i)`) exists. A document the acquis holds only in part (`excerpt: true`) ' +
    'and a document not in the acquis are information, not errors. Options: `maxSession` (default 85), `maxYear` ' +
    '(default 2031), and a severity (or `off`) per kind: `malformed`, `oldSession`, `missingParagraph`, ' +
    '`notTranscribed`, `notInAcquis`.',
  fixable: false,
  check(ctx) {
    const limits: SymbolLimits = {
      maxSession: numberOption(ctx.options, 'maxSession', DEFAULT_LIMITS.maxSession),
      maxYear: numberOption(ctx.options, 'maxYear', DEFAULT_LIMITS.maxYear),
    };
    const { document, text } = ctx.draft;
    const bySymbol = ctx.acquis.bySymbol;

    // The document's own symbols in its front matter.
    for (const entry of document.frontMatter?.entries ?? []) {
      if ((entry.key === 'symbol' || entry.key === 'draft') && SYMBOL_SHAPE.test(entry.value.trim()) && /\d/.test(entry.value)) {
        checkSymbolCitation(ctx, entry.value.trim(), entry.valueSpan, limits);
      }
    }

    let last: Cited | undefined;
    for (const { node } of placedInlines(document)) {
      if (node.type !== 'citation') continue;
      if (node.kind === 'symbol') {
        const written = node.documents[0];
        if (!written) continue;
        const span = text.startsWith(written, node.span.start) ? { start: node.span.start, end: node.span.start + written.length } : node.span;
        last = undefined;
        if (!checkSymbolCitation(ctx, written, span, limits).ok) continue;
        const doc = bySymbol.get(normaliseSymbol(written));
        const cited: Cited = { name: written, end: node.span.end, ...(doc ? { doc } : {}) };
        if (!doc) notInAcquis(ctx, written.replace(/\*$/, ''), written, span, node.paragraphs.length > 0);
        else checkPins(ctx, node, cited);
        last = cited;
      } else if (node.kind === 'resolution') {
        last = undefined;
        const image = text.slice(node.span.start, node.span.end);
        const decision = /^[Dd]ecision/.test(image);
        const series = decision ? 'DEC' : 'RES';
        const otherBody = OTHER_BODY.test(text.slice(Math.max(0, node.span.start - 80), node.span.start));
        for (const m of image.matchAll(/(\d{1,3})\/(\d{1,4})/g)) {
          const start = node.span.start + m.index!;
          const span = { start, end: start + m[0].length };
          const session = Number(m[1]);
          const number = m[2]!;
          const name = `${decision ? 'decision' : 'resolution'} ${m[0]}`;
          // Another body's resolutions (Human Rights Council resolution 20/8) are not the Assembly's.
          if (otherBody) continue;
          if (session > limits.maxSession || session === 0 || /^0/.test(number) || /^0/.test(m[1]!)) {
            report(ctx, 'error', 'malformed', {
              message: `${name} is not a plausible General Assembly ${decision ? 'decision' : 'resolution'} number: ${
                session > limits.maxSession ? `the Assembly has not held a ${session}th session (the limit is ${limits.maxSession})` : 'its numbers have no leading zeros and start at 1'
              }.`,
              span,
              data: { symbol: `A/${series}/${m[0]}` },
            });
            continue;
          }
          if (session < 31) {
            report(ctx, 'warning', 'oldSession', {
              message:
                `${name} reads as a General Assembly ${decision ? 'decision' : 'resolution'} of the ${session}th session, but the Assembly numbered ` +
                'its resolutions by session only from its 31st session (earlier ones read 1514 (XV)): if another body adopted it, name the body.',
              span,
              data: { symbol: `A/${series}/${m[0]}` },
            });
            continue;
          }
          const symbol = `A/${series}/${m[0]}`;
          const doc = bySymbol.get(symbol);
          if (!doc) notInAcquis(ctx, symbol, name, span, false);
          last = { name, end: node.span.end, ...(doc ? { doc } : {}) };
        }
      } else if (last && /^[\s,]*$/.test(text.slice(last.end, node.span.start))) {
        // A bare `, para. 5` right after a citation pinpoints that citation's document.
        checkPins(ctx, node, last);
      }
    }
  },
};
