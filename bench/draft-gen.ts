/**
 * The benchmark draft: a zero draft of an OEWG-style report of about 10,000 words, in numbered
 * paragraphs of report prose, with the sentences of PLANTS (agreed language quoted verbatim, with
 * an abbreviation, or with a planted departure) spread through it.
 *
 * Two renderings with the same offsets: the `.draft` wraps paragraphs at 100 characters (by turning
 * spaces into newlines), the `.txt` for textlint keeps each paragraph on one line, so a finding's
 * offset means the same place in both and one manifest of planted spans serves both tools.
 */
import { PLANTS, type Plant } from './planted.js';
import { Random, wrap } from './random.js';

export interface PlantedSpan {
  id: string;
  kind: Plant['kind'];
  inDictionary: boolean;
  precedent: string;
  /** Offsets of the planted sentence in both renderings. */
  start: number;
  end: number;
  /** One-based line of the sentence start in the `.draft`. */
  line: number;
}

export interface GeneratedDraft {
  draft: string;
  /** The same `.draft` text (the name bench/lsp-latency.ts reads). */
  text: string;
  txt: string;
  words: number;
  sentences: number;
  paragraphs: number;
  plants: PlantedSpan[];
}

const SUBJECTS = [
  'States', 'Many States', 'Several States', 'Some States', 'A number of States', 'Delegations',
  'Several delegations', 'Many delegations', 'Some delegations', 'Participants', 'The Chair',
  'Member States', 'A group of States', 'Regional organizations', 'Other delegations', 'Observers',
  'Representatives of civil society', 'Experts from the technical community', 'Developing countries',
];
const REPORT_VERBS = [
  'underlined', 'noted', 'stressed', 'emphasized', 'recalled', 'highlighted', 'observed', 'recognized',
  'acknowledged', 'pointed out', 'reiterated', 'affirmed', 'considered', 'suggested', 'expressed the view',
];
const OPENINGS = [
  'In this regard', 'In this context', 'At the same time', 'In addition', 'Against this background',
  'During the discussions', 'At its second session', 'In the informal consultations', 'Furthermore',
  'In their written submissions', 'On the question of implementation',
];
const ADJECTIVES = [
  'national', 'regional', 'international', 'global', 'voluntary', 'practical', 'existing', 'further',
  'effective', 'sustainable', 'inclusive', 'transparent', 'technical', 'operational', 'institutional',
  'concrete', 'comprehensive', 'targeted', 'coordinated', 'long-term', 'new', 'emerging', 'common',
  'shared', 'cross-border', 'timely', 'bilateral', 'multilateral', 'interregional', 'subregional',
  'digital', 'gender-sensitive', 'demand-driven', 'predictable', 'adequate', 'additional',
];
const NOUNS = [
  'cooperation', 'capacity-building programmes', 'points of contact', 'exchanges of information',
  'frameworks', 'policies', 'strategies', 'incident response teams', 'assessments', 'initiatives',
  'mechanisms', 'partnerships', 'consultations', 'guidelines', 'measures', 'tools', 'workshops',
  'training courses', 'networks', 'approaches', 'commitments', 'efforts', 'resources', 'surveys',
  'reports', 'practices', 'lessons learned', 'contributions', 'vulnerabilities', 'threats',
  'incidents', 'risks', 'activities', 'standards', 'procedures', 'institutions', 'legislation',
  'experts', 'needs', 'priorities', 'gaps', 'skills', 'awareness', 'resilience', 'trust',
  'stability', 'development', 'implementation', 'coordination', 'attribution', 'protection',
  'prevention', 'assistance', 'participation', 'transparency', 'accountability', 'funding',
  'repositories', 'templates', 'exercises', 'mapping exercises', 'case studies', 'briefings',
];
const OF_PHRASES = [
  'of developing countries', 'of small States', 'of the private sector', 'of civil society',
  'of academia', 'of the technical community', 'of regional organizations', 'of the United Nations',
  'of national authorities', 'of critical infrastructure operators', 'of existing commitments',
  'of national experience', 'of the Secretariat', 'of all stakeholders', 'of women experts',
  'of relevant actors', 'of landlocked developing countries', 'of the donor community',
];
const MODAL_VERBS = [
  'could contribute to', 'would benefit from', 'should build on', 'can strengthen', 'could support',
  'may help to reduce', 'should take into account', 'would facilitate', 'could complement',
  'should remain consistent with', 'can reinforce', 'might inform', 'would require',
  'could be supported by', 'should be guided by', 'needs to reflect', 'could draw on',
];
const PRESENT_VERBS = [
  'undermines', 'affects', 'complicates', 'threatens', 'delays', 'weakens', 'erodes', 'limits',
];
const PREPOSITIONAL = [
  'at the national and regional levels', 'in the context of international security',
  'through existing mechanisms', 'on a voluntary basis', 'in line with national priorities',
  'within existing resources', 'over the coming years', 'in a transparent manner', 'across all regions',
  'in the framework of the United Nations', 'among all Member States', 'in cooperation with relevant partners',
  'before the next session', 'in an inclusive and transparent manner', 'at the request of the receiving State',
  'with due regard for national circumstances', 'during the intersessional period', 'as a matter of priority',
  'in the ICT environment', 'without duplication of effort', 'for the benefit of all',
  'in a sustainable and measurable way', 'with the support of donors',
];
const PARTICIPLES = ['including', 'taking into account', 'drawing on', 'building on', 'with a focus on', 'bearing in mind'];
const BODIES = ['OEWG', 'future mechanism', 'Secretariat', 'Chair', 'working group'];
const CONSIDER = ['consider', 'examine', 'take up', 'review', 'discuss', 'reflect on'];

function np(r: Random): string {
  const parts: string[] = [];
  if (r.chance(0.35)) parts.push('the');
  if (r.chance(0.6)) parts.push(r.pick(ADJECTIVES));
  parts.push(r.pick(NOUNS));
  if (r.chance(0.4)) parts.push(r.pick(OF_PHRASES));
  return parts.join(' ');
}

function capital(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

function lowerSubject(s: string): string {
  return /^(The|A|Many|Several|Some|Other|Delegations|Participants|Observers|Representatives|Experts|Developing|Regional)\b/.test(s)
    ? s[0]!.toLowerCase() + s.slice(1)
    : s;
}

function fillerSentence(r: Random): string {
  const subject = r.pick(SUBJECTS);
  switch (r.int(0, 7)) {
    case 0: {
      const tail = r.chance(0.5) ? `, ${r.pick(PARTICIPLES)} ${np(r)} ${r.pick(PREPOSITIONAL)}` : '';
      return `${subject} ${r.pick(REPORT_VERBS)} that ${np(r)} ${r.pick(MODAL_VERBS)} ${np(r)} ${r.pick(PREPOSITIONAL)}${tail}.`;
    }
    case 1: {
      const tail = r.chance(0.5) ? `, ${r.pick(PARTICIPLES)} ${np(r)}` : '';
      return `${subject} ${r.pick(REPORT_VERBS)} the importance of ${np(r)} ${r.pick(PREPOSITIONAL)}${tail}.`;
    }
    case 2:
      return `${subject} called for ${np(r)} ${r.pick(PREPOSITIONAL)} and for ${np(r)}, ${r.pick(PARTICIPLES)} ${np(r)}.`;
    case 3:
      return `${r.pick(OPENINGS)}, ${lowerSubject(subject)} ${r.pick(REPORT_VERBS)} that ${np(r)} ${r.pick(MODAL_VERBS)} ${np(r)}.`;
    case 4:
      return `${subject} expressed concern at ${np(r)} ${r.pick(PREPOSITIONAL)}, which ${r.pick(PRESENT_VERBS)} ${np(r)}.`;
    case 5:
      return `${subject} shared information on ${np(r)} ${r.pick(PREPOSITIONAL)}, including ${np(r)} and ${np(r)}.`;
    case 6:
      return `It was ${r.pick(['noted', 'observed', 'suggested', 'recalled'])} that ${np(r)} ${r.pick(MODAL_VERBS)} ${np(r)} ${r.pick(PREPOSITIONAL)}.`;
    default:
      return `${subject} proposed that the ${r.pick(BODIES)} ${r.pick(CONSIDER)} ${np(r)} ${r.pick(PREPOSITIONAL)}.`;
  }
}

const CHAPTERS: Array<{ heading: string; sections: string[] }> = [
  { heading: '# I. Introduction', sections: [''] },
  {
    heading: '# II. Substantive discussions',
    sections: [
      '## A. Existing and potential threats',
      '## B. Rules, norms and principles for responsible State behaviour',
      '## C. International law',
      '## D. Confidence-building measures',
      '## E. Capacity-building',
      '## F. Regular institutional dialogue',
    ],
  },
  { heading: '# III. Conclusions and recommendations', sections: [''] },
];

function countWords(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** A deterministic draft of at least `targetWords` words of paragraph text. */
export function generateDraft(targetWords = 10_000, seed = 20_210_311): GeneratedDraft {
  const r = new Random(seed);
  // Paragraphs first, as lists of sentences; plants go in afterwards, spread evenly.
  const paragraphs: string[][] = [];
  let words = 0;
  const plantWords = PLANTS.reduce((n, p) => n + countWords(p.quote), 0);
  while (words + plantWords < targetWords) {
    const sentences: string[] = [];
    const n = r.int(2, 5);
    for (let i = 0; i < n; i++) {
      const s = fillerSentence(r);
      sentences.push(s);
      words += countWords(s);
    }
    paragraphs.push(sentences);
  }
  const order = PLANTS.map((p) => ({ p, key: r.next() })).sort((a, b) => a.key - b.key).map((x) => x.p);
  const slots = new Map<number, Plant[]>();
  order.forEach((plant, i) => {
    const at = Math.min(paragraphs.length - 1, Math.floor(((i + 0.5) * paragraphs.length) / order.length));
    slots.set(at, [...(slots.get(at) ?? []), plant]);
  });
  const planted = new Map<string, Plant>();
  slots.forEach((plants, at) => {
    for (const plant of plants) {
      const sentences = paragraphs[at]!;
      const pos = r.int(0, sentences.length);
      const marker = `\u0000${plant.id}\u0000`;
      sentences.splice(pos, 0, marker);
      planted.set(marker, plant);
    }
  });

  // Lay the paragraphs out under the headings, in proportion.
  const blocks: Array<{ text: string; paragraph: boolean }> = [];
  blocks.push({
    text: [
      '---',
      'title: Draft substantive report of the Open-ended Working Group (benchmark draft)',
      'body: OEWG',
      'year: 2021',
      'revision: zero draft',
      'kind: draft',
      '---',
    ].join('\n'),
    paragraph: false,
  });
  const sectionCount = CHAPTERS.reduce((n, c) => n + c.sections.length, 0);
  const perSection = Math.ceil(paragraphs.length / sectionCount);
  let next = 0;
  let sentenceCount = 0;
  for (const chapter of CHAPTERS) {
    blocks.push({ text: chapter.heading, paragraph: false });
    for (const section of chapter.sections) {
      if (section) blocks.push({ text: section, paragraph: false });
      for (let k = 0; k < perSection && next < paragraphs.length; k++, next++) {
        sentenceCount += paragraphs[next]!.length;
        blocks.push({ text: `${next + 1}. ${paragraphs[next]!.join(' ')}`, paragraph: true });
      }
    }
  }

  // Resolve the plant markers to their sentences and record their offsets.
  let flat = '';
  const spans: PlantedSpan[] = [];
  for (let b = 0; b < blocks.length; b++) {
    if (b > 0) flat += '\n\n';
    const block = blocks[b]!;
    let text = block.text;
    for (;;) {
      const m = /\u0000([A-Z]\d+)\u0000/.exec(text);
      if (!m) break;
      const plant = planted.get(m[0])!;
      const start = flat.length + m.index;
      text = text.slice(0, m.index) + plant.quote + text.slice(m.index + m[0].length);
      spans.push({
        id: plant.id,
        kind: plant.kind,
        inDictionary: plant.inDictionary,
        precedent: plant.precedent,
        start,
        end: start + plant.quote.length,
        line: 0,
      });
    }
    block.text = text;
    flat += text;
  }
  flat += '\n';
  const draft = `${blocks.map((b) => (b.paragraph ? wrap(b.text, 100) : b.text)).join('\n\n')}\n`;
  if (draft.length !== flat.length) throw new Error('the two renderings must keep the same offsets');
  for (const span of spans) span.line = draft.slice(0, span.start).split('\n').length;
  spans.sort((a, b) => a.start - b.start);
  const paragraphWords = blocks.filter((b) => b.paragraph).reduce((n, b) => n + countWords(b.text) - 1, 0);
  return {
    draft,
    text: draft,
    txt: flat,
    words: paragraphWords,
    sentences: sentenceCount,
    paragraphs: paragraphs.length,
    plants: spans,
  };
}
