/** The four output formats: text, Markdown, a self-contained HTML page, and JSON version 1. */
import { describe, expect, it } from 'vitest';
import {
  compareRevisions,
  escapeMarkdown,
  formatCompareHtml,
  formatCompareJson,
  formatCompareMarkdown,
  formatCompareText,
} from '../../server/src/engine/compare/index';
import { draft, P, PRE_DRAFT, readSample, REVISED } from './helpers';

const hostileOld = draft([
  ['1', 'The Chair noted that <script>alert("x")</script> & other “tags” were not agreed.'],
  ['2', P.lens],
]);
const hostileNew = draft([
  ['1', `The Chair noted that <script>alert('y')</script> & <img src=x onerror="alert(1)"> were not agreed.`],
  ['2', P.lens],
  ['3', 'A new paragraph with *stars*, _underscores_, `ticks`, \\[a link\\](http://example.org) | pipes and # signs.'],
]);

describe('HTML', () => {
  const html = formatCompareHtml(compareRevisions(hostileOld, hostileNew));

  it('escapes draft text: no script, no tag, no attribute gets through', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('onerror="');
    expect(html).toContain('The Chair noted that &lt;script&gt;alert<del>(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('<ins>(&#39;y&#39;)&lt;/script&gt;');
    expect(html).toContain('&amp;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('is one self-contained page: inline CSS, no script, nothing fetched', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).toContain(`default-src 'none'`);
    expect(html).not.toMatch(/<link|<iframe|<object|@import|url\(/i);
    // The only address in the page is the one quoted (escaped) from the draft text.
    expect(html.match(/https?:\/\//g)).toEqual(['http://']);
    expect(html).not.toMatch(/href="http/);
  });

  it('has the mapping table, then the redline with <del> and <ins>, linked by anchors', () => {
    const c = compareRevisions(readSample(PRE_DRAFT), readSample(REVISED));
    const page = formatCompareHtml(c);
    const table = page.indexOf('<h2 id="mapping">');
    const redline = page.indexOf('<h2 id="redline">');
    expect(table).toBeGreaterThan(0);
    expect(redline).toBeGreaterThan(table);
    expect(page).toContain('<tr class="changed"><td>12</td><td>10</td><td><a href="#p2"><span class="kind changed">changed</span></a></td><td class="num">0.98</td></tr>');
    expect(page).toContain('<section id="p2">');
    expect(page).toContain('reinforce <del>respect for</del> <ins>adherence to</ins> international law');
    expect(page).toContain('Charter of the United Nations <ins>in its entirety</ins>, is applicable');
    expect(page).toContain('<span class="break"><ins>¶ 32</ins></span>');
    // Every paragraph of the new revision is in the page, unchanged ones included.
    expect(page.match(/<section id=/g)).toHaveLength(c.redlines.length);
    expect(page).toContain('<td class="full">in full</td>');
  });
});

describe('Markdown', () => {
  it('marks deletions ~~so~~ and insertions **so**', () => {
    const md = formatCompareMarkdown(compareRevisions(readSample(PRE_DRAFT), readSample(REVISED)));
    expect(md).toContain('reinforce ~~respect for~~ **adherence to** international law');
    expect(md).toContain('| 38 | 31 | split | 1.00 |');
    expect(md).toContain('| 39 | – | removed |  |');
    expect(md).toContain('### 38 → 31, 32 (split, similarity 1.00)');
    expect(md).toContain('- **Japan**: 3 in full, 1 in part, 20 not taken up (of 24)');
    // Unchanged paragraphs are in the table only, unless asked for.
    expect(md).not.toContain('### 19 → 16');
    expect(formatCompareMarkdown(compareRevisions(readSample(PRE_DRAFT), readSample(REVISED)), { unchanged: true })).toContain('### 19 → 16 (same)');
  });

  it('escapes what would read as markup', () => {
    const md = formatCompareMarkdown(compareRevisions(hostileOld, hostileNew));
    expect(md).not.toMatch(/<script|<img/);
    expect(md).toContain('\\*stars\\*, \\_underscores\\_, \\`ticks\\`, \\[a link\\](http://example.org) \\| pipes and # signs.');
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('12. not a list')).toBe('12\\. not a list');
    expect(escapeMarkdown('a ~~b~~ c')).toBe('a \\~\\~b\\~\\~ c');
  });
});

describe('text', () => {
  const c = compareRevisions(readSample(PRE_DRAFT), readSample(REVISED));

  it('uses [-deleted-] and {+inserted+} markers and no colour by default', () => {
    const text = formatCompareText(c, { width: 0 });
    expect(text).toContain('reinforce [-respect for-] {+adherence to+} international law');
    expect(text).toContain('  38             31          split    1.00');
    expect(text).toContain('{+¶ 32+}');
    expect(text).toContain('[12] Japan: “respect for” → “adherence to” — in full');
    expect(text).not.toContain('\u001b[');
  });

  it('colours on request, keeping the markers', () => {
    const text = formatCompareText(c, { colour: true, width: 0 });
    expect(text).toContain('\u001b[31;9m[-respect');
    expect(text).toContain('\u001b[32m{+adherence');
    expect(text.replace(/\u001b\[[\d;]*m/g, '')).toBe(formatCompareText(c, { width: 0 }));
  });

  it('wraps lines at the width asked', () => {
    const text = formatCompareText(c, { width: 80 });
    const long = text.split('\n').filter((l) => l.length > 80 && !l.startsWith('Old:') && !l.startsWith('New:'));
    expect(long).toEqual([]);
  });
});

describe('JSON', () => {
  it('is version 1, with the mapping, the renumbering and the proposals', () => {
    const json = JSON.parse(formatCompareJson(compareRevisions(readSample(PRE_DRAFT), readSample(REVISED))));
    expect(json.version).toBe(1);
    expect(json.tool).toBe('acquis compare');
    expect(json.old).toMatchObject({ revision: 'pre-draft', date: '2020-03-11', paragraphs: 23 });
    expect(json.new).toMatchObject({ revision: 'revised pre-draft', date: '2020-05-27', paragraphs: 22 });
    expect(json.mapping).toContainEqual({ old: '38', new: '31', kind: 'split', similarity: 1, group: expect.any(Number) });
    expect(json.mapping).toContainEqual({ old: '12', new: '10', kind: 'changed', similarity: 0.983 });
    expect(json.oldToNew).toMatchObject({ '5': ['5'], '12': ['10'], '28': ['24'], '29': ['24'], '38': ['31', '32'], '39': [], '51': ['42'] });
    // Keys are old labels (JSON objects keep no order: `old.labels` has the order).
    expect(Object.keys(json.oldToNew).sort()).toEqual([...json.old.labels].sort());
    expect(json.redlines[1]).toMatchObject({ kind: 'changed', old: ['12'], new: ['10'] });
    expect(json.proposals[0]).toMatchObject({ proposer: 'Japan', paragraph: '5', kind: 'insert', proposed: 'in its entirety', takenUp: 'full' });
    expect(json.summary).toEqual({ same: 13, changed: 4, moved: 1, split: 1, merged: 1, added: 1, removed: 2 });
  });
});
