/**
 * One draft per rule of matching, with what a legal adviser expects: shared by the CLI test
 * (`acquis lint` as a process) and the language server test (code actions over stdio).
 */
export const PP12 =
  'international law, and in particular the Charter of the United Nations, is applicable and essential to maintaining ' +
  'peace and stability and promoting an open, secure, stable, accessible and peaceful ICT environment';
export const P18_2 =
  'In this regard, the Group recommends regular institutional dialogue with broad participation under the auspices ' +
  'of the United Nations, as well as regular dialogue through bilateral, regional and multilateral forums and other ' +
  'international organizations.';

export interface JudgementCase {
  name: string;
  /** The paragraph as the draft has it (paragraph 1 of a one-paragraph draft). */
  draft: string;
  /** The message must contain this (undefined: no departure at all). */
  message?: string;
  /** The paragraph after the first fix (undefined: no fix offered). */
  fixed?: string;
  /** The words the finding sits on. */
  on?: string;
  level?: 'editorial' | 'wording' | 'substantive';
}

export const CASES: JudgementCase[] = [
  {
    name: 'frame: the reporting verb stays (pre-draft para. 5)',
    draft: `1. Notably, the 2013 and 2015 reports recognized that ${PP12.replace(', and in particular', ', in particular')}.`,
    message: 'drops "and"',
    fixed: `1. Notably, the 2013 and 2015 reports recognized that ${PP12}.`,
    on: 'law, in',
    level: 'wording',
  },
  {
    name: 'frame: a reported proposal is not a quote (pre-draft para. 38)',
    draft: '1. States also proposed the need to further ensure the integrity of the ICT supply chain, expressing concern over the creation of harmful hidden functions in ICT products.',
  },
  {
    name: 'frame: a reaffirmation is read word by word ("the" for "a" primary responsibility)',
    draft:
      '1. Proposals included that it should be reaffirmed that States hold the primary responsibility for maintaining a secure, safe and trustable ICT environment; and that States should act.',
    message: '(determiner)',
    fixed:
      '1. Proposals included that it should be reaffirmed that States have a primary responsibility for maintaining a secure and peaceful ICT environment; and that States should act.',
    level: 'substantive',
  },
  {
    name: 'the right precedent: verbatim in 73/27 para. 1 (pre-draft para. 68 (b))',
    draft: '1. Member States continue to consider, at the multilateral level, international rules, norms and principles of responsible behaviour of States.',
  },
  {
    name: 'exact restoration: a phrase set off by commas comes back with them',
    draft: `1. States reaffirmed that ${PP12.replace(', and in particular the Charter of the United Nations,', '')}.`,
    message: 'drops "and in particular the Charter of the United Nations"',
    fixed: `1. States reaffirmed that ${PP12}.`,
    on: 'law is',
    level: 'substantive',
  },
  {
    name: 'exact restoration: a comma is editorial',
    draft: `1. ${P18_2.replace('United Nations, as well', 'United Nations as well')}`,
    message: '(punctuation)',
    fixed: `1. ${P18_2}`,
    on: 'United Nations as',
    level: 'editorial',
  },
  {
    name: 'lists: an item added',
    draft: `1. ${P18_2.replace('bilateral, regional and', 'bilateral, regional, subregional and')}`,
    message: 'adds "subregional" to the list',
    fixed: `1. ${P18_2}`,
    on: 'subregional',
    level: 'wording',
  },
  {
    name: 'recall: a middle drop is a departure',
    draft: `1. ${P18_2.replace('under the auspices of the United Nations, as well as ', '')}`,
    message: 'drops "under the auspices of the United Nations, as well as"',
    fixed: `1. ${P18_2}`,
    level: 'wording',
  },
  {
    name: 'grades: a missing hyphen is editorial',
    draft:
      '1. The United Nations should play a leading role in promoting dialogue among Member States to develop common understandings on the security of and in the use of ICTs, encourage regional efforts, promote confidence-building and transparency measures and support capacity building and the dissemination of best practices.',
    message: '(hyphenation)',
    fixed:
      '1. The United Nations should play a leading role in promoting dialogue among Member States to develop common understandings on the security of and in the use of ICTs, encourage regional efforts, promote confidence-building and transparency measures and support capacity-building and the dissemination of best practices.',
    on: 'capacity building',
    level: 'editorial',
  },
  {
    name: 'amendments: a departure inside a pending deletion gets no fix',
    draft: `1. {--@Japan: ${P18_2.replace('with broad participation ', '')}--}`,
    message: 'drops "with broad participation"',
  },
];
