/**
 * A small made-up acquis for the search tests: the same formulation adopted by consensus (2031)
 * and by vote (2033), an older consensus text (2029), a text of another body, and a paragraph whose
 * words carry quotes, a backslash and SQL.
 */
export const SEARCH_ACQUIS: Record<string, string> = {
  'acquis/A-99-100.draft': `---
title: Report of the Group of Experts on Coastal Signalling
symbol: A/99/100
body: GGE
year: 2031
adoption: consensus
---

4. States should protect lighthouse keepers and their beacons from interference by neighbouring fleets.

5. The Group recommends regular consultations on tidal measurements among coastal States.
`,
  'acquis/A-RES-80-7.draft': `---
title: Coastal signalling in the context of maritime security
symbol: A/RES/80/7
body: GA
year: 2033
adoption: recorded vote 120-10-30
adopted-by: Fourth Committee
---

PP2. Recalling that States should protect lighthouse keepers and their beacons from interference by neighbouring fleets,

1. Calls upon States to share tidal measurements through the regional lighthouse registries.
`,
  'acquis/A-97-50.draft': `---
title: Earlier report on lighthouse keepers
symbol: A/97/50
body: GGE
year: 2029
adoption: consensus
---

12. Lighthouse keepers contribute to the safety of navigation in narrow straits and archipelagos.
`,
  'acquis/A-98-9.draft': `---
title: Report on harbour codes
symbol: A/98/9
body: OEWG
year: 2032
adoption: consensus
---

3. The code "DROP TABLE harbours; --" and the path C:\\harbour\\beacons are quoted by the Working Group as examples of unsafe signalling records.
`,
};
