/**
 * What is and what is not a departure from a precedent, as a delegation's legal adviser would judge
 * it: the counter-test (text that must give no precedent.deviation) and one case per rule of
 * matching (quote and frame, the right precedent, exact restorations, lists, recall, grades, the
 * finding's range). Precedents are the built-in acquis.
 */
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/engine/fixes';
import type { Finding } from '../../server/src/engine/index';
import { builtinEngine } from './helpers';

const FRONT = '---\ntitle: Case\nkind: draft\n---\n\n';

function lint(body: string): { text: string; findings: Finding[] } {
  const text = `${FRONT}${body}\n`;
  return { text, findings: builtinEngine().lint('case.draft', text).findings };
}

// The draft's own departures: a proposal's (amendments/proposal-findings.ts) is the proposer's, reported as its proposal.
const deviations = (body: string) => lint(body).findings.filter((f) => f.ruleId === 'precedent.deviation' && !f.data?.['proposal']);

/** The text after the deviation's first fix, without the front matter. */
function fixed(body: string): string {
  const { text, findings } = lint(body);
  const f = findings.find((x) => x.ruleId === 'precedent.deviation');
  expect(f, `no deviation in: ${body}`).toBeDefined();
  expect(f!.fixes[0], `no fix for: ${f!.message}`).toBeDefined();
  return applyEdits(text, f!.fixes[0]!.edits).slice(FRONT.length).trimEnd();
}

const P18_2 =
  'In this regard, the Group recommends regular institutional dialogue with broad participation under the auspices ' +
  'of the United Nations, as well as regular dialogue through bilateral, regional and multilateral forums and other ' +
  'international organizations.';
const PP12 =
  'international law, and in particular the Charter of the United Nations, is applicable and essential to maintaining ' +
  'peace and stability and promoting an open, secure, stable, accessible and peaceful ICT environment';

describe('no departure (counter-test)', () => {
  it.each([
    ['an exact quote', `1. ${P18_2}`],
    ['a contiguous part of a precedent sentence', '1. States agreed that regular institutional dialogue with broad participation under the auspices of the United Nations is useful.'],
    ['a quote with a footnote reference inside', `1. In this regard, the Group recommends regular institutional dialogue with broad participation[^1] under the auspices of the United Nations.\n\n[^1]: A/70/174, para. 18.`],
    ['a quote with a comment inside', '1. In this regard, the Group recommends regular institutional dialogue {>>@Japan: agreed in 2015.<<}with broad participation under the auspices of the United Nations.'],
    ['a quote with a pending insertion inside', '1. In this regard, the Group recommends regular institutional dialogue with broad participation {++@Japan: and transparency ++}under the auspices of the United Nations.'],
    ['"ICTs" written out', '1. These efforts should not duplicate ongoing work by other international organizations and forums addressing issues such as criminal and terrorist use of information and communications technologies, human rights and Internet governance.'],
    ['-ise for -ize', '1. In this regard, the Group recommends regular institutional dialogue with broad participation under the auspices of the United Nations, as well as regular dialogue through bilateral, regional and multilateral forums and other international organisations.'],
    ['a reported proposal ("States also proposed")', '1. States also proposed the need to further ensure the integrity of the ICT supply chain, expressing concern over the creation of harmful hidden functions in ICT products.'],
    ['a reported suggestion', '1. It was suggested that States should take steps to ensure the integrity of supply chains so that end users can have confidence in ICT products.'],
    // Unrelated UN prose: Japan's position paper for the OEWG report (seed 001) and ICANN's update of July 2020 (seed 003).
    ['unrelated prose (Japan, position paper)', '1. Japan hopes that this working group would provide an excellent opportunity to foster a common understanding of the threats posed by malicious cyber activities.'],
    ['unrelated prose (Japan, position paper, norms)', '1. To ensure the stability and predictability of the international community and cyberspace, we need to implement voluntary and non-binding norms of responsible state behavior in cyberspace.'],
    ['unrelated prose (Japan, position paper, capacity-building)', '1. Capacity building is necessary not only from the viewpoint of reducing the vulnerability of international cyber security and reducing the risk, but also from the viewpoint of raising awareness.'],
    ['unrelated prose (ICANN update)', '1. During these discussions, issues that touch on ICANN’s mission are raised every once in a while, and they might continue to be mentioned in the future.'],
    ['unrelated prose (ICANN update, Egypt)', '1. Member States should be encouraged to reach an agreed common definition of what constitutes critical infrastructure, with a view to agreeing, as appropriate, on prohibiting any act that knowingly or intentionally utilizes offensive ICT capabilities.'],
    ['unrelated prose (ICANN update, Germany)', '1. State and non-state actors should neither conduct nor knowingly allow activity that intentionally and substantially damages the general availability or integrity of the public core of the Internet, and therefore the stability of cyberspace.'],
    ['the same words over a line break', '1. In this regard, the Group recommends regular institutional dialogue with broad participation\nunder the auspices of the United Nations.'],
  ])('%s', (_name, body) => {
    expect(deviations(body).map((f) => f.message)).toEqual([]);
  });
});

describe('quote and frame', () => {
  it('never reports or deletes the reporting verb of the frame (pre-draft para. 5)', () => {
    const body = `1. Notably, the 2013 and 2015 reports recognized that ${PP12.replace(', and in particular', ', in particular')}.`;
    const [f] = deviations(body);
    expect(f!.message).toContain('drops "and"');
    expect(f!.message).not.toContain('recognized');
    expect(fixed(body)).toBe(`1. Notably, the 2013 and 2015 reports recognized that ${PP12}.`);
  });

  it('keeps "States reaffirmed that" and restores only the quote', () => {
    const body = `1. States reaffirmed that ${PP12.replace('essential to maintaining', 'essential for maintaining')}.`;
    expect(fixed(body)).toBe(`1. States reaffirmed that ${PP12}.`);
  });

  it('reads a restated text word by word: "the primary responsibility" is not "a primary responsibility" (pre-draft para. 38)', () => {
    const body =
      '1. Proposals included, inter alia, that it should be reaffirmed that States hold the primary responsibility for maintaining a secure, safe and trustable ICT environment; and that States should act.';
    const [f] = deviations(body);
    expect(f).toBeDefined();
    expect(f!.data!.grade).toBe('substantive');
    expect((f!.data!.changes as { reason: string }[]).map((c) => c.reason)).toContain('determiner');
    expect(fixed(body)).toBe(
      '1. Proposals included, inter alia, that it should be reaffirmed that States have a primary responsibility for maintaining a secure and peaceful ICT environment; and that States should act.',
    );
  });

  it('does not call "further" a quantifier', () => {
    const body = `1. ${P18_2.replace('regular institutional dialogue', 'further regular institutional dialogue')}`;
    const [f] = deviations(body);
    expect(f!.message).toContain('adds "further"');
    expect(f!.data!.grade).toBe('wording');
  });
});

describe('the right precedent', () => {
  it('a stretch verbatim in 73/27 para. 1 is not a departure from 73/266 PP12 (pre-draft para. 68 (b))', () => {
    const body =
      '1. Member States continue to consider, at the multilateral level, international rules, norms and principles of responsible behaviour of States.';
    const { findings } = lint(body);
    expect(findings.filter((f) => f.ruleId === 'precedent.deviation')).toEqual([]);
    // Verbatim voted text is one finding, precedent.voted (one finding per span), citing the right precedent.
    const agreed = findings.find((f) => f.ruleId === 'precedent.agreed' || f.ruleId === 'precedent.voted');
    expect(agreed?.precedent).toMatchObject({ symbol: 'A/RES/73/27', paragraph: '1' });
  });

  it('of two reports with the same words, restores the one the draft follows to the comma', () => {
    // A/68/98 para. 29 has "forums, and other"; A/70/174 para. 18 has "forums and other".
    const body = `1. ${P18_2.replace('with broad participation ', '').replace('forums and other', 'forums, and other')}`;
    const [f] = deviations(body);
    expect(f!.precedent).toMatchObject({ symbol: 'A/68/98', paragraph: '29' });
  });
});

describe('exact restorations', () => {
  it('a dropped phrase set off by commas comes back with its commas', () => {
    const body = `1. ${PP12.replace(', and in particular the Charter of the United Nations,', '')}.`;
    expect(fixed(body)).toBe(`1. ${PP12}.`);
  });

  it('an inserted qualifier leaves no ",,"', () => {
    const body = `1. ${PP12.replace('international law,', 'international law, as appropriate,')}.`;
    const out = fixed(body);
    expect(out).toBe(`1. ${PP12}.`);
    expect(out).not.toContain(',,');
  });

  it('a dropped or added comma is an editorial departure, and the fix puts it back', () => {
    const body = `1. ${PP12.replace('open, secure', 'open secure')}.`;
    const [f] = deviations(body);
    expect(f!.data!.grade).toBe('editorial');
    expect(f!.fixes[0]!.level).toBe('editorial');
    expect(fixed(body)).toBe(`1. ${PP12}.`);
  });

  it('capitals inside a quote are editorial; the capital that starts the draft sentence stays', () => {
    const body = `1. International law, and in particular the charter of the United Nations, is applicable and essential to maintaining peace and stability and promoting an open, secure, stable, accessible and peaceful ICT environment.`;
    expect(fixed(body)).toBe(`1. International law, and in particular the Charter of the United Nations, is applicable and essential to maintaining peace and stability and promoting an open, secure, stable, accessible and peaceful ICT environment.`);
  });

  it('never rewrites amendment text: a departure inside a pending deletion gets no fix', () => {
    const body = `1. {--@Japan: ${PP12.replace('essential to maintaining', 'essential for maintaining')}--} is the view.`;
    const f = deviations(body)[0];
    if (f) expect(f.fixes).toEqual([]);
  });

  it('a fix touches only the range it restores', () => {
    const body = `1. Before the quote; ${P18_2.replace('with broad participation ', '')} After the quote.`;
    const { text, findings } = lint(body);
    const f = findings.find((x) => x.ruleId === 'precedent.deviation')!;
    for (const e of f.fixes[0]!.edits) {
      expect(text.slice(e.start, e.end).length).toBeLessThan(5);
    }
  });
});

describe('lists', () => {
  it('an item added is reported as a list change and the whole list restored', () => {
    const body = `1. ${P18_2.replace('bilateral, regional and multilateral', 'bilateral, regional, subregional and multilateral')}`;
    const [f] = deviations(body);
    expect(f!.message).toMatch(/adds "subregional" to the list/);
    expect(fixed(body)).toBe(`1. ${P18_2}`);
  });

  it('an item dropped comes back with its comma', () => {
    const body = `1. ${P18_2.replace('bilateral, regional and multilateral', 'bilateral and multilateral')}`;
    const [f] = deviations(body);
    expect(f!.message).toMatch(/drops "regional" from the list/);
    expect(fixed(body)).toBe(`1. ${P18_2}`);
  });

  it('an extra final item is taken out without "and" in mid-list', () => {
    const body = `1. ${P18_2.replace('bilateral, regional and multilateral', 'bilateral, regional, multilateral and subregional')}`;
    expect(fixed(body)).toBe(`1. ${P18_2}`);
  });

  it('items reordered are a list order change (structural)', () => {
    const body = `1. ${P18_2.replace('bilateral, regional', 'regional, bilateral')}`;
    const [f] = deviations(body);
    expect(f!.data!.grade).toBe('structural');
    expect(f!.message).toContain('(list order)');
    expect(fixed(body)).toBe(`1. ${P18_2}`);
  });
});

describe('recall', () => {
  it('words dropped from the middle of a quote are a departure, not a partial quote', () => {
    const body = `1. ${P18_2.replace('under the auspices of the United Nations, as well as ', '')}`;
    expect(deviations(body)).toHaveLength(1);
    expect(fixed(body)).toBe(`1. ${P18_2}`);
  });

  it('a substituted ending is a departure', () => {
    const body = `1. ${P18_2.replace('and other international organizations.', 'and other relevant bodies.')}`;
    expect(deviations(body)).toHaveLength(1);
    expect(fixed(body)).toBe(`1. ${P18_2}`);
  });

  it('several separate changes in one sentence are all reported, and all restored', () => {
    const body = `1. ${P18_2.replace('with broad participation ', '').replace('regular dialogue through', 'dialogue through')}`;
    const [f] = deviations(body);
    expect((f!.data!.changes as unknown[]).length).toBe(2);
    expect(fixed(body)).toBe(`1. ${P18_2}`);
  });

  it('dropping "and other international law" from the principles of the Charter is a departure (73/27 PP16)', () => {
    const body =
      '1. The Group identified as of central importance the commitments of States to the following principles of the Charter of the United Nations: sovereign equality; the settlement of international disputes by peaceful means.';
    const [f] = deviations(body);
    expect(f?.message).toContain('drops "and other international law"');
  });
});

describe('grades', () => {
  it.each([
    ['a missing hyphen in "capacity building"', 'capacity-building', 'capacity building', 'editorial'],
    ['"co-operation" for "cooperation"', 'intensify cooperation', 'intensify co-operation', 'editorial'],
    ['"fora" for "forums"', 'multilateral forums', 'multilateral fora', 'editorial'],
    ['"must" for "should"', 'should take these efforts', 'must take these efforts', 'substantive'],
  ])('%s', (_name, from, to, grade) => {
    const base: Record<string, string> = {
      'capacity-building':
        '1. The United Nations should play a leading role in promoting dialogue among Member States to develop common understandings on the security of and in the use of ICTs, encourage regional efforts, promote confidence-building and transparency measures and support capacity-building and the dissemination of best practices.',
      'intensify cooperation': '1. The Group reiterates that, given the pace of ICT development and the scope of the threat, there is a need to enhance common understandings and intensify cooperation.',
      'multilateral forums': `1. ${P18_2}`,
      'should take these efforts': '1. Work among States on security in the use of ICTs should take these efforts into account.',
    };
    const body = base[from]!.replace(from, to);
    const fs = deviations(body);
    expect(fs.length, body).toBeGreaterThan(0);
    expect(fs[0]!.data!.grade).toBe(grade);
  });
});

describe('the finding sits on the changed words', () => {
  it('covers the substituted word only, with the quoted stretch and the precedent as related information', () => {
    const { text, findings } = lint(`1. ${P18_2.replace('regular institutional dialogue', 'regular political dialogue')}`);
    const f = findings.find((x) => x.ruleId === 'precedent.deviation')!;
    expect(text.slice(f.span.start, f.span.end)).toBe('political');
    const [stretch, precedent] = f.related!;
    expect(text.slice(stretch!.span.start, stretch!.span.end)).toMatch(/^In this regard, the Group recommends regular political dialogue/);
    expect(precedent!.uri).toMatch(/A-70-174\.draft$/);
    expect(precedent!.message).toContain('A/70/174, para. 18');
  });

  it('for a drop, covers the words either side of the gap', () => {
    const { text, findings } = lint(`1. ${P18_2.replace('with broad participation ', '')}`);
    const f = findings.find((x) => x.ruleId === 'precedent.deviation')!;
    expect(text.slice(f.span.start, f.span.end)).toBe('dialogue under');
  });
});
