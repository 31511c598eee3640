/**
 * Small word lists that back up the dictionary each document provides of itself (vocabulary.ts).
 *
 * The importer decides most repairs from the document's own words ("develop" occurs elsewhere, so
 * "devel op" is one word). These lists cover what a single document may not attest: the short
 * function words that extraction most often splits ("o f", "i n"), common words of UN texts, and
 * the compounds whose hyphen is real even when a line break falls on it.
 */

/** Common English words and UN vocabulary (lower case). */
export const KNOWN_WORDS: ReadonlySet<string> = new Set(
  `a about above across after again against all also although among an and another any are as at
  be been before being below between both but by can could did do does done during each either
  for from further had has have having he her here his how however if in into is it its itself
  may might more most must my no nor not now of off on once only or other others our out over own
  same shall she should since so some such than that the their them themselves then there these
  they this those through thus to too under until up upon very was we were what when where whether
  which while who whom whose why will with within without would yet you
  ability access accordance account achieve acknowledge act action actions activities activity
  actors adopt adopted adoption advance affairs agenda agree agreed agreement aim application apply
  appropriate area areas arms assembly assessment assistance attention attribution authority basis
  behaviour believe benefit body build building capacity central challenge challenges charter
  civil code committee common communication communications community concern concerned conclusion
  conduct conference confidence conflict consensus consider consideration consistent continue
  contribution cooperation council country countries criminal critical cyber data decide decided
  decision declaration defence democratic develop developed developing development dialogue
  digital disarmament discussion discussions document documents economic effective efforts
  emergency enable encourage enhance ensure environment equitable essential establish established
  establishment events existing expert experts field follow following force forum framework
  freedom freedoms full further general global government governmental group groups guidance
  harm harmful human implement implementation important include including increase information
  infrastructure infrastructures integrity interest international internet issue issues item
  justice knowledge law laws legal level levels mandate matter measure measures meeting meetings
  member members military national nations need needs norm norms objective obligation obligations
  office open operation order organization organizations organizational paragraph participation
  parties partnership peace peaceful political possible practice practices prevent principle
  principles private process programme promote promotion proposal proposals protect protection
  provide public purpose purposes recommend recommendation recommendations regard regarding
  regional relations relevant report reports request requests resolution resolutions resources
  respect response responsible right rights risk risks role rule rules secretariat secretary
  section sector security session sessions situation social society sovereignty special stability
  state states statement strengthen study subject support sustainable system systems technical
  technologies technology territory text threat threats training transparency trust understanding
  understandings union united use used views voluntary work working world year years`
    .split(/\s+/)
    .filter(Boolean),
);

/** Compounds whose hyphen is part of the word (lower case): never joined at a line break. */
export const KNOWN_HYPHENATED: ReadonlySet<string> = new Set(
  `above-mentioned capacity-building confidence-building co-chair co-facilitator co-operation
  cross-border decision-making dual-use follow-up high-level ict-related ict-dependent long-term
  medium-term multi-stakeholder non-binding non-governmental non-intervention non-state
  non-proliferation open-ended peace-building secretary-general self-defence short-term so-called
  state-owned under-secretary-general vice-chair vice-president well-being`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * First elements that make compounds rather than broken words: "non-" + "intervention" keeps its
 * hyphen even when neither form occurs elsewhere in the document.
 */
export const COMPOUND_PREFIXES: ReadonlySet<string> = new Set(
  'anti co counter cross ex multi non post pre self semi sub vice well'.split(' '),
);

/** "twenty-one" ... "ninety-nine", and "seventy-third": number compounds keep their hyphen. */
const TENS = new Set('twenty thirty forty fifty sixty seventy eighty ninety'.split(' '));
const UNITS = new Set(
  'one two three four five six seven eight nine first second third fourth fifth sixth seventh eighth ninth'.split(' '),
);

export function isNumberCompound(left: string, right: string): boolean {
  return TENS.has(left.toLowerCase()) && UNITS.has(right.toLowerCase());
}

export const MONTHS: ReadonlySet<string> = new Set(
  'January February March April May June July August September October November December'.split(' '),
);
