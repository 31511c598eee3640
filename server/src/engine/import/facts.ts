/**
 * What the document says about itself: the year, the committee, how each draft resolution was
 * adopted ("the Committee adopted draft resolution A/C.1/73/L.27/Rev.1 by a recorded vote of 109
 * to 45, with 16 abstentions (see para. 11, draft resolution I)"), and, for a resolution printed
 * on its own, its number and title from the title page. These fill the front matter where the
 * user gave nothing; what the user gives always wins.
 */
import { MONTHS } from './known-words.js';
import type { SourceLine } from './model.js';

export interface AdoptionRecord {
  /** `I`, `II`: the draft resolution the record points to. */
  id: string;
  draftSymbol: string;
  /** `consensus` or `vote 109-45-16`. */
  adoption: string;
  /** `2018-11-08`, when the meeting's date is given. */
  adoptedOn?: string;
  line: number;
}

export interface DocumentFacts {
  year?: number;
  /** `First Committee`, when the report is a committee's. */
  committee?: string;
  records: AdoptionRecord[];
  /** From the title page. */
  title?: string;
  symbol?: string;
  adoptedBy?: string;
  adoptedOn?: string;
  /** The report's own adoption, when its text says it was adopted by consensus. */
  reportAdoption?: { adoption: string; line: number };
  /** Final symbols of draft resolutions, when the report names them ("became resolution 73/27"). */
  finalSymbols: Map<string, { symbol: string; line: number }>;
}

const MONTH_NAMES = [...MONTHS];
const DATE = new RegExp(`\\b(\\d{1,2}) (${MONTH_NAMES.join('|')})(?:,? (\\d{4}))?`, 'g');
const ADOPTED = new RegExp(
  String.raw`adopted draft (?:resolution|decision) ((?:A|S|E)\/\S+?),?(?: as orally (?:revised|amended|corrected),?)? ` +
    String.raw`(by a recorded vote of (\d+) to (\d+),? with (\d+|no) abstentions?|without a vote|by consensus)` +
    String.raw`[^()]*?\(see para(?:graph)?s?\.? \d+,? draft (?:resolution|decision) ([IVXL]+|[A-Z])\)`,
  'g',
);
/**
 * A report that says it was adopted by consensus: "The Group adopted the present report by
 * consensus", "the present report was adopted by consensus", "adopted its final report by
 * consensus". A report that merely mentions an earlier report so adopted does not count: the
 * sentence must speak of this one ("the present", "its", "this").
 */
const REPORT_CONSENSUS =
  /\b(?:adopted (?:the present|its|this)(?: final| substantive)? report(?:,[^.]{0,80},)? by consensus|(?:the present|this)(?: final| substantive)? report (?:was|is) adopted by consensus|adopted by consensus (?:the present|its|this)(?: final| substantive)? report)\b/i;
/** "adopted draft resolution I as resolution 73/27", "draft resolution I, entitled “…”, was adopted as resolution 73/27". */
const FINAL_SYMBOL = /\bdraft resolution ([IVXL]+|[A-Z])\b(?:,[^.;]{0,240}?,)?(?: (?:was|were) adopted)? (?:as|became) (?:General Assembly )?resolution (\d{2,3}\/\d{1,4})\b/g;
const COMMITTEE = /\b(First|Second|Third|Fourth|Fifth|Sixth) Committee\b/g;

export function isoDate(day: string, month: string, year: number | string): string {
  const m = MONTH_NAMES.indexOf(month) + 1;
  return `${year}-${String(m).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** A paragraph of the report's own text, in order. */
export interface ReportText {
  text: string;
  line: number;
}

export function readFacts(report: ReportText[], cover: SourceLine[]): DocumentFacts {
  const facts: DocumentFacts = { records: [], finalSymbols: new Map() };

  // The year: the most frequent year of the full dates in the report's own text.
  const years = new Map<number, number>();
  const committees = new Map<string, number>();
  for (const { text } of report) {
    for (const m of text.matchAll(DATE)) if (m[3]) years.set(Number(m[3]), (years.get(Number(m[3])) ?? 0) + 1);
    for (const m of text.matchAll(COMMITTEE)) committees.set(m[0], (committees.get(m[0]) ?? 0) + 1);
  }
  const year = [...years].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
  if (year) facts.year = year;
  const committee = [...committees].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (committee) facts.committee = committee;

  // Adoption records; the meeting's date is the last date given before the record ("At the same
  // meeting" refers back to it, even across a section heading).
  let lastDate: { day: string; month: string; year?: string } | undefined;
  for (const { text, line } of report) {
    let from = 0;
    for (const m of text.matchAll(ADOPTED)) {
      for (const d of text.slice(from, m.index).matchAll(DATE)) lastDate = { day: d[1]!, month: d[2]!, ...(d[3] ? { year: d[3] } : {}) };
      from = m.index;
      const adoption = m[2]!.startsWith('by a recorded vote')
        ? `vote ${m[3]}-${m[4]}-${m[5] === 'no' ? 0 : m[5]}`
        : 'consensus';
      const record: AdoptionRecord = { id: m[6]!, draftSymbol: m[1]!, adoption, line };
      const y = lastDate?.year ?? year;
      if (lastDate && y) record.adoptedOn = isoDate(lastDate.day, lastDate.month, y);
      facts.records.push(record);
    }
    for (const d of text.slice(from).matchAll(DATE)) lastDate = { day: d[1]!, month: d[2]!, ...(d[3] ? { year: d[3] } : {}) };
  }

  for (const { text, line } of report) {
    if (!facts.reportAdoption && REPORT_CONSENSUS.test(text)) facts.reportAdoption = { adoption: 'consensus', line };
    for (const m of text.matchAll(FINAL_SYMBOL)) {
      if (!facts.finalSymbols.has(m[1]!)) facts.finalSymbols.set(m[1]!, { symbol: `A/RES/${m[2]!}`, line });
    }
  }

  readCover(cover, facts);
  return facts;
}

/** Title-page lines that carry nothing for the front matter. */
const BOILERPLATE = new RegExp(
  [
    String.raw`United Nations`,
    String.raw`General Assembly`,
    String.raw`Security Council`,
    String.raw`Economic and Social Council`,
    String.raw`Distr\.?:?.*`,
    String.raw`Original:.*`,
    String.raw`Limited|General|Restricted`,
    String.raw`\p{Lu}[\p{Ll}-]+ session`,
    String.raw`Agenda items? .*`,
    String.raw`\d{1,2} \p{Lu}\p{Ll}+ \d{4}`,
    String.raw`Rapporteur:.*`,
    String.raw`\[.*\]`,
  ]
    .map((alternative) => `^(?:${alternative})$`)
    .join('|'),
  'u',
);

function readCover(cover: SourceLine[], facts: DocumentFacts): void {
  const title: string[] = [];
  for (const { text } of cover) {
    let m: RegExpExecArray | null;
    if ((m = /^Resolution adopted by the (.+?) on (\d{1,2}) (\p{Lu}\p{Ll}+) (\d{4})$/u.exec(text))) {
      facts.adoptedBy = m[1]!;
      if (MONTHS.has(m[3]!)) facts.adoptedOn = isoDate(m[2]!, m[3]!, m[4]!);
    } else if ((m = /^(\d{1,3}\/\d{1,4})\.\s+(.+)$/.exec(text))) {
      facts.symbol = `A/RES/${m[1]}`;
      title.push(m[2]!);
    } else if (/^(?:A|S|E)(?:\/[A-Za-z0-9.]+)+\*?$/.test(text) && /\d/.test(text)) {
      facts.symbol ??= text;
    } else if (!BOILERPLATE.test(text)) {
      title.push(text);
    }
  }
  if (title.length) facts.title = title.join(': ').replace(/\s+/g, ' ');
}
