/**
 * The importer's classification on made-up documents: a resolution printed on its own (title page,
 * preamble, operative paragraphs with two levels of sub-paragraphs), a report with chapters,
 * sections and a recorded vote, and what is reported instead of guessed.
 */
import { describe, expect, it } from 'vitest';
import { inlineView, parse } from '../../grammar/src/index';
import { ImportError, importDocument } from '../../server/src/engine/import/import';

const RESOLUTION = [
  'A/RES/99/1',
  '',
  'General Assembly',
  'Distr.: General',
  '12 December 2030',
  'Ninety-ninth session',
  'Agenda item 12',
  'Resolution adopted by the General Assembly on 5 December 2030',
  '[on the report of the First Committee (A/99/505)]',
  '99/1. Lighthouses in the context of',
  'maritime security',
  ' The General Assembly,',
  ' Recalling its resolution 98/1 of 1 December 2029 on the protection of lighthouses,1',
  ' Noting with concern the state of many',
  'lighthouses,',
  ' 1. Welcomes the report of the Secretary-',
  'General;2',
  ' 2. Decides to continue:',
  ' (a) The study of lights;',
  ' (i) In the north;',
  ' (ii) In the south;',
  ' (b) The review of keepers;',
  ' 4. Requests the Secretary-General to report at its hundredth session.',
  '__________________',
  ' 1 A/99/100.',
  ' 2 A/99/200.',
].join('\n');

/** Label and words of every paragraph and sub-paragraph, through the real parser. */
function outline(draft: string): string[] {
  const { document, problems } = parse(draft);
  expect(problems).toEqual([]);
  const out: string[] = [];
  for (const p of document.paragraphs) {
    const label = p.label?.text ?? '-';
    out.push(`${label} ${inlineView(p.content, draft).text}`);
    const walk = (subs: typeof p.subparagraphs, depth: number): void => {
      for (const s of subs) {
        out.push(`${label}${' '.repeat(depth)}${s.label.text} ${inlineView(s.content, draft).text}`);
        walk(s.children, depth + 1);
      }
    };
    walk(p.subparagraphs, 1);
  }
  return out;
}

describe('a resolution printed on its own', () => {
  const result = importDocument(RESOLUTION);

  it('is imported as a resolution, with its front matter read from the title page', () => {
    expect(result.kind).toBe('resolution');
    const front = parse(result.draft).document.frontMatter!.fields;
    expect(front).toMatchObject({
      title: 'Lighthouses in the context of maritime security',
      symbol: 'A/RES/99/1',
      body: 'GA',
      year: '2030',
      kind: 'resolution',
      'adopted-by': 'General Assembly',
      'adopted-on': '2030-12-05',
    });
  });

  it('labels preambular and operative paragraphs, and nests (a) and (i)', () => {
    expect(outline(result.draft)).toEqual([
      '- The General Assembly,',
      'PP1 Recalling its resolution 98/1 of 1 December 2029 on the protection of lighthouses,',
      'PP2 Noting with concern the state of many lighthouses,',
      'OP1 Welcomes the report of the Secretary-General;',
      'OP2 Decides to continue:',
      'OP2 (a) The study of lights;',
      'OP2  (i) In the north;',
      'OP2  (ii) In the south;',
      'OP2 (b) The review of keepers;',
      'OP4 Requests the Secretary-General to report at its hundredth session.',
    ]);
    expect(result.draft).toContain('lighthouses,[^1]');
    expect(result.draft).toContain('Secretary-General;[^2]');
    expect(result.draft).toContain('[^1]: A/99/100.\n[^2]: A/99/200.\n');
  });

  it('reports what it could not settle, with the line of the input', () => {
    expect(result.unclassified.map((w) => [w.line, w.reason])).toEqual([
      [12, 'no adoption given or found: add `adoption` to the front matter before using the text as precedent'],
      [23, 'paragraph 4 follows paragraph 2'],
    ]);
  });

  it('takes the options before what the text says', () => {
    const r = importDocument(RESOLUTION, { adoption: 'consensus', symbol: 'A/RES/99/1*', title: 'Lights', year: '2031', body: 'First Committee', resolution: '1' });
    expect(parse(r.draft).document.frontMatter!.fields).toMatchObject({
      title: 'Lights',
      symbol: 'A/RES/99/1*',
      year: '2031',
      body: 'First Committee',
      adoption: 'consensus',
    });
    expect(r.unclassified.map((w) => w.reason)).toEqual(['paragraph 4 follows paragraph 2']);
  });

  it('reports paragraphs that do not read like their kind', () => {
    const odd = RESOLUTION.replace(' 1. Welcomes', ' 1. The report is welcome,').replace('lighthouses,\n', 'lighthouses.\n');
    const reasons = importDocument(odd, { adoption: 'consensus' }).unclassified.map((w) => `${w.line} ${w.reason}`);
    expect(reasons).toEqual([
      '14 preambular paragraph does not end with a comma',
      '16 operative paragraph does not open with a verb in the present tense',
      '23 paragraph 4 follows paragraph 2',
    ]);
  });
});

const REPORT = [
  '  I. Introduction',
  '1. The item entitled “Lighthouses in the context of maritime security” was included in the',
  'agenda.1',
  '  II. Consideration of proposals',
  ' A. Draft resolution A/C.1/99/L.1',
  '2. At its 9th meeting, on 3 November 2030, the Committee adopted draft resolution',
  'A/C.1/99/L.1 without a vote (see para. 4, draft resolution I).',
  ' B. Draft resolution A/C.1/99/L.2',
  '3. At the same meeting, the Committee adopted draft resolution A/C.1/99/L.2 by a recorded',
  'vote of 100 to 5, with 7 abstentions (see para. 4, draft resolution II). The voting was as follows:',
  'In favour:',
  ' Andorra, Austria, Bolivia (Plurinational State of), Chile,',
  'Denmark.',
  'Against:',
  ' Egypt.',
  ' Some unnumbered remark.',
  '__________________',
  ' 1  A/99/1.',
  '  III. Recommendation of the First Committee',
  '4. The First Committee recommends the adoption of the following draft resolutions:',
  '  Draft resolution I',
  'Lighthouses',
  ' The General Assembly,',
  ' Noting the lights,',
  ' 1. Decides to keep them lit.',
  '  Draft resolution II',
  'Keepers of lighthouses',
  ' The General Assembly,',
  ' Noting the keepers,1',
  ' 1. Decides to pay them.',
  '__________________',
  ' 1  A/99/2.',
].join('\n');

describe('a report with its draft resolutions', () => {
  it('is imported whole by default: headings, numbered paragraphs, votes, and each resolution', () => {
    const r = importDocument(REPORT);
    expect(r.kind).toBe('report');
    const { document } = parse(r.draft);
    expect(document.frontMatter!.fields).toMatchObject({
      title: 'Lighthouses in the context of maritime security: report of the First Committee',
      body: 'First Committee',
      year: '2030',
      kind: 'report',
    });
    const headings = r.draft.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# I. Introduction',
      '# II. Consideration of proposals',
      '## A. Draft resolution A/C.1/99/L.1',
      '## B. Draft resolution A/C.1/99/L.2',
      '# III. Recommendation of the First Committee',
      '## Draft resolution I: Lighthouses',
      '## Draft resolution II: Keepers of lighthouses',
    ]);
    expect(outline(r.draft).map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual([
      '1 The item',
      '2 At its',
      '3 At the',
      '- In favour:',
      '- Andorra, Austria,',
      '- Against:',
      '- Egypt.',
      '- Some unnumbered',
      '4 The First',
      '- The General',
      'PP1 Noting the',
      'OP1 Decides to',
      '- The General',
      'PP1 Noting the',
      'OP1 Decides to',
    ]);
    // Each resolution numbers its notes from 1: their ids are prefixed in the whole report.
    expect(r.draft).toContain('agenda.[^1]');
    expect(r.draft).toContain('Noting the keepers,[^II-1]');
    expect(r.draft).toContain('[^1]: A/99/1.\n[^II-1]: A/99/2.');
    expect(r.draft).toContain('// adopted in committee: consensus (draft A/C.1/99/L.1, 2030-11-03)');
    expect(r.draft).toContain('// adopted in committee: vote 100-5-7 (draft A/C.1/99/L.2, 2030-11-03)');
    expect(r.unclassified.map((w) => `${w.line} ${w.reason}`)).toEqual(['16 text with no paragraph number; kept as an unnumbered paragraph']);
    expect(r.documents.map((d) => [d.resolution, d.title, d.adoption, d.draftSymbol])).toEqual([
      ['I', 'Lighthouses', 'consensus', 'A/C.1/99/L.1'],
      ['II', 'Keepers of lighthouses', 'vote 100-5-7', 'A/C.1/99/L.2'],
    ]);
  });

  it('imports one resolution with its adoption as the report records it', () => {
    const r = importDocument(REPORT, { resolution: 'ii', symbol: 'A/RES/99/2' });
    expect(r.kind).toBe('resolution');
    expect(parse(r.draft).document.frontMatter!.fields).toMatchObject({
      title: 'Keepers of lighthouses',
      symbol: 'A/RES/99/2',
      adoption: 'vote 100-5-7',
      'adopted-by': 'First Committee',
      'adopted-on': '2030-11-03',
      draft: 'A/C.1/99/L.2',
    });
    expect(outline(r.draft)).toEqual(['- The General Assembly,', 'PP1 Noting the keepers,', 'OP1 Decides to pay them.']);
    expect(r.draft).toContain('[^1]: A/99/2.');
    // The report's own oddities are not this resolution's.
    expect(r.unclassified).toEqual([]);
  });

  it('says when the adoption given differs from the record', () => {
    const r = importDocument(REPORT, { resolution: 'I', symbol: 'A/RES/99/1', adoption: 'vote 1-2-3' });
    expect(r.unclassified.map((w) => w.reason)).toEqual(['adoption given as "vote 1-2-3", but the report records "consensus"']);
  });

  it('refuses a resolution the document does not have, and an adoption that does not parse', () => {
    expect(() => importDocument(REPORT, { resolution: 'III' })).toThrow(ImportError);
    expect(() => importDocument(REPORT, { resolution: 'III' })).toThrow('it has I, II');
    expect(() => importDocument(REPORT, { adoption: 'by vote' })).toThrow(ImportError);
  });
});

describe('progress and odd inputs', () => {
  it('reports progress stage by stage, each reaching its total', () => {
    const seen: string[] = [];
    importDocument(REPORT.repeat(20), {
      onProgress: ({ stage, done, total }) => {
        if (done === total) seen.push(stage);
      },
    });
    expect([...new Set(seen)]).toEqual(['reading', 'segmenting', 'repairing', 'writing']);
  });

  it('never throws on text that is not a UN document, and says so', () => {
    for (const raw of ['', '\n\n', 'Just a line of prose.', '(((', '1.', '__________________\n 1 x']) {
      const r = importDocument(raw);
      expect(parse(r.draft).problems, JSON.stringify(raw)).toEqual([]);
    }
    expect(importDocument('').unclassified.map((w) => w.reason)).toContain('no heading, paragraph or resolution recognised in the input');
  });

  it('escapes characters that are markup in a .draft', () => {
    const r = importDocument('1. A text with [brackets], {braces}, a | pipe and a "quote.');
    expect(parse(r.draft).problems).toEqual([]);
    expect(outline(r.draft)).toEqual(['1 A text with [brackets], {braces}, a | pipe and a "quote.']);
  });
});
