/**
 * The agreed formulations the benchmark draft quotes, and how it quotes them: verbatim, with an
 * equivalent abbreviation, or with a planted departure of one kind. Every precedent is a real
 * sentence of the built-in acquis (server/acquis); `quote` is the draft's sentence.
 *
 * `inDictionary` says whether the textlint + prh dictionary enumerates this variant: the variants
 * left out (a different dropped phrase, another negation...) show what a hand-written dictionary
 * cannot see.
 */

export type PlantKind =
  | 'verbatim'
  | 'abbreviation'
  | 'dropped phrase'
  | 'negation'
  | 'modal'
  | 'substitution'
  | 'reorder'
  | 'US spelling'
  | 'hyphenation';

export interface Plant {
  id: string;
  kind: PlantKind;
  /** The precedent, as cited by the tool. */
  precedent: string;
  /** The draft's sentence (one sentence, ending with a full stop). */
  quote: string;
  /** Only for departures: whether the prh dictionary lists this variant. */
  inDictionary: boolean;
}

/** A departure is a plant whose kind is neither verbatim nor an equivalent abbreviation. */
export function isDeparture(kind: PlantKind): boolean {
  return kind !== 'verbatim' && kind !== 'abbreviation';
}

export const PLANTS: Plant[] = [
  // Verbatim quotes (whole sentences or the quoted part of one): agreed language, nothing to fix.
  {
    id: 'V1',
    kind: 'verbatim',
    precedent: 'A/70/174, para. 33',
    quote:
      'These efforts should not duplicate ongoing work by other international organizations and forums addressing issues such as criminal and terrorist use of ICTs, human rights and Internet governance.',
    inDictionary: false,
  },
  {
    id: 'V2',
    kind: 'verbatim',
    precedent: 'A/70/174, para. 33',
    quote:
      'The United Nations should play a leading role in promoting dialogue on the security of ICTs in their use by States and developing common understandings on the application of international law and norms, rules and principles for responsible State behaviour.',
    inDictionary: false,
  },
  {
    id: 'V3',
    kind: 'verbatim',
    precedent: 'A/RES/73/27, OP1.9',
    quote:
      'States should take reasonable steps to ensure the integrity of the supply chain so that end users can have confidence in the security of ICT products.',
    inDictionary: false,
  },
  {
    id: 'V4',
    kind: 'verbatim',
    precedent: 'A/RES/73/27, OP1.10',
    quote: 'States should seek to prevent the proliferation of malicious ICT tools and techniques and the use of harmful hidden functions.',
    inDictionary: false,
  },
  {
    id: 'V5',
    kind: 'verbatim',
    precedent: 'A/70/174, para. 18',
    quote:
      'States recalled that, given the pace of ICT development and the scope of the threat, there is a need to enhance common understandings and intensify cooperation.',
    inDictionary: false,
  },
  // Equivalent variants: the defined abbreviation for its expansion, not a departure.
  {
    id: 'A1',
    kind: 'abbreviation',
    precedent: 'A/70/174, para. 33',
    quote:
      'These efforts should not duplicate ongoing work by other international organizations and forums addressing issues such as criminal and terrorist use of information and communications technologies, human rights and Internet governance.',
    inDictionary: false,
  },
  {
    id: 'A2',
    kind: 'abbreviation',
    precedent: 'A/70/174, para. 33',
    quote:
      'The United Nations should play a leading role in promoting dialogue on the security of information and communications technologies in their use by States and developing common understandings on the application of international law and norms, rules and principles for responsible State behaviour.',
    inDictionary: false,
  },
  // Departures the dictionary enumerates.
  {
    id: 'D1',
    kind: 'dropped phrase',
    precedent: 'A/70/174, para. 18',
    quote:
      'The OEWG therefore recommends regular institutional dialogue under the auspices of the United Nations, as well as regular dialogue through bilateral, regional and multilateral forums and other international organizations.',
    inDictionary: true,
  },
  {
    id: 'N1',
    kind: 'negation',
    precedent: 'A/70/174, para. 33',
    quote:
      'These efforts should duplicate ongoing work by other international organizations and forums addressing issues such as criminal and terrorist use of ICTs, human rights and Internet governance.',
    inDictionary: true,
  },
  {
    id: 'M1',
    kind: 'modal',
    precedent: 'A/70/174, para. 35',
    quote: 'Work among States on security in the use of ICTs must take these efforts into account.',
    inDictionary: true,
  },
  {
    id: 'S1',
    kind: 'substitution',
    precedent: 'A/70/174, para. 18',
    quote:
      'States underlined that, given the pace of ICT development and the scope of the threat, there is a need to enhance common understandings and intensify cooperative measures.',
    inDictionary: true,
  },
  {
    id: 'R1',
    kind: 'reorder',
    precedent: 'A/70/174, para. 35',
    quote:
      'Member States should, when appropriate, encourage the establishment of new regional, bilateral and multilateral platforms for dialogue, consultation and capacity-building.',
    inDictionary: true,
  },
  {
    id: 'U1',
    kind: 'US spelling',
    precedent: 'A/70/174, para. 33',
    quote:
      'The United Nations should play a leading role in promoting dialogue on the security of ICTs in their use by States and developing common understandings on the application of international law and norms, rules and principles for responsible State behavior.',
    inDictionary: true,
  },
  {
    id: 'H1',
    kind: 'hyphenation',
    precedent: 'A/68/98, para. 13',
    quote:
      'The United Nations should play a leading role in promoting dialogue among Member States to develop common understandings on the security of and in the use of ICTs, encourage regional efforts, promote confidence-building and transparency measures and support capacity building and the dissemination of best practices.',
    inDictionary: true,
  },
  // Departures deliberately left out of the dictionary.
  {
    id: 'D2',
    kind: 'dropped phrase',
    precedent: 'A/70/174, para. 35',
    quote:
      'Work among States on security in the use of ICTs should take these efforts into account, and Member States should encourage the establishment of new bilateral, regional and multilateral platforms for dialogue, consultation and capacity-building.',
    inDictionary: false,
  },
  {
    id: 'D3',
    kind: 'dropped phrase',
    precedent: 'A/RES/73/27, OP1.9',
    quote:
      'States should take steps to ensure the integrity of the supply chain so that end users can have confidence in the security of ICT products.',
    inDictionary: false,
  },
  {
    id: 'N2',
    kind: 'negation',
    precedent: 'A/RES/73/27, OP1.3',
    quote: 'States should knowingly allow their territory to be used for internationally wrongful acts using ICTs.',
    inDictionary: false,
  },
  {
    id: 'M2',
    kind: 'modal',
    precedent: 'A/70/174, para. 33',
    quote:
      'The United Nations could play a leading role in promoting dialogue on the security of ICTs in their use by States and developing common understandings on the application of international law and norms, rules and principles for responsible State behaviour.',
    inDictionary: false,
  },
  {
    id: 'S2',
    kind: 'substitution',
    precedent: 'A/RES/73/27, OP1.9',
    quote:
      'States should take reasonable steps to ensure the integrity of the supply chain so that end users can have trust in the security of ICT products.',
    inDictionary: false,
  },
  {
    id: 'R2',
    kind: 'reorder',
    precedent: 'A/65/201, para. 18 (i)',
    quote:
      'Further dialogue among States to discuss norms pertaining to State use of ICTs, to reduce collective risk and protect critical international and national infrastructure, was supported by many delegations.',
    inDictionary: false,
  },
  {
    id: 'U2',
    kind: 'US spelling',
    precedent: 'A/65/201, para. 18 (i)',
    quote:
      'Further dialog among States to discuss norms pertaining to State use of ICTs, to reduce collective risk and protect critical national and international infrastructure, remains a priority.',
    inDictionary: false,
  },
  {
    id: 'H2',
    kind: 'hyphenation',
    precedent: 'A/68/98, para. 13',
    quote:
      'The United Nations should play a leading role in promoting dialogue among Member States to develop common understandings on the security of and in the use of ICTs, encourage regional efforts, promote confidence building and transparency measures and support capacity-building and the dissemination of best practices.',
    inDictionary: false,
  },
];

/**
 * The textlint-rule-prh dictionary: each agreed formulation (expected) with the variants a careful
 * editor would enumerate (patterns). prh 5.4.4 escapes `-` in a plain pattern and compiles it with
 * the `u` flag, which throws: a pattern with a hyphen is written as a regular expression.
 */
export interface PrhRule {
  expected: string;
  patterns: string[];
}

export const PRH_RULES: PrhRule[] = [
  {
    expected: 'regular institutional dialogue with broad participation under the auspices',
    patterns: ['regular institutional dialogue under the auspices', 'regular institutional dialogue with wide participation under the auspices'],
  },
  { expected: 'should not duplicate ongoing work', patterns: ['should duplicate ongoing work', 'should avoid duplicating ongoing work'] },
  { expected: 'should take these efforts into account', patterns: ['must take these efforts into account', 'shall take these efforts into account'] },
  { expected: 'intensify cooperation', patterns: ['intensify cooperative measures', 'intensify cooperative efforts'] },
  { expected: 'bilateral, regional and multilateral platforms', patterns: ['regional, bilateral and multilateral platforms'] },
  { expected: 'responsible State behaviour', patterns: ['responsible State behavior', 'responsible state behaviour', 'responsible state behavior'] },
  { expected: 'capacity-building', patterns: ['capacity building', 'capacitybuilding'] },
  {
    expected: 'promote confidence-building and transparency measures',
    patterns: ['/promote confidence-building measures and transparency/', '/promote transparency and confidence-building measures/'],
  },
  {
    expected: 'protect critical national and international infrastructure',
    patterns: ['protect national and international critical infrastructure', 'protect critical and national infrastructure'],
  },
  {
    expected: 'should not knowingly allow their territory',
    patterns: ['/should not knowingly permit their territory/', 'should not allow their territory'],
  },
];
