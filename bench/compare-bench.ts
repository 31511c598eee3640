/**
 * `acquis compare` in process: two generated revisions of about 10,000 words each
 * (compare-gen.ts), compared cold (first call in a fresh process) and warm (median of N), with the
 * time of each output format. Run by bench/compare-bench.mjs; prints figures, asserts nothing.
 */
import { compareRevisions, formatCompareHtml, formatCompareJson, formatCompareMarkdown, formatCompareText } from '../server/src/engine/compare/index';
import { readRevision } from '../server/src/engine/compare/revision';
import { generateRevisions } from './compare-gen';
import { median } from './random';

const RUNS = Number(process.env.RUNS ?? 9);

const pair = generateRevisions();
const time = (f: () => unknown): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

const cold = time(() => compareRevisions(pair.old, pair.new));
const warm: number[] = [];
for (let i = 0; i < RUNS; i++) warm.push(time(() => compareRevisions(pair.old, pair.new)));
const read: number[] = [];
for (let i = 0; i < RUNS; i++) read.push(time(() => (readRevision(pair.old), readRevision(pair.new))));
const c = compareRevisions(pair.old, pair.new);
const formats = {
  text: median(Array.from({ length: RUNS }, () => time(() => formatCompareText(c)))),
  markdown: median(Array.from({ length: RUNS }, () => time(() => formatCompareMarkdown(c)))),
  html: median(Array.from({ length: RUNS }, () => time(() => formatCompareHtml(c)))),
  json: median(Array.from({ length: RUNS }, () => time(() => formatCompareJson(c)))),
};

const made = pair.changes;
const found = (kind: string): number => c.mapping.filter((m) => m.kind === kind).length;
const ms = (x: number): string => `${x.toFixed(1)} ms`;
console.log(`revisions: ${pair.oldWords} and ${pair.newWords} words, ${c.old.paragraphs} and ${c.new.paragraphs} paragraphs`);
console.log(`compare, cold (first call, parser and data loading included): ${ms(cold)}`);
console.log(`compare, warm (median of ${RUNS}): ${ms(median(warm))}  [min ${ms(Math.min(...warm))}, max ${ms(Math.max(...warm))}]`);
console.log(`  of which reading both revisions (parse, views, words): ${ms(median(read))}`);
console.log(`formats (median): text ${ms(formats.text)}, markdown ${ms(formats.markdown)}, html ${ms(formats.html)}, json ${ms(formats.json)}`);
console.log(
  `changes made / found (mapping entries): split ${made.split.reduce((n, s) => n + s.news.length, 0)}/${found('split')}, ` +
    `merged ${made.merged.reduce((n, m) => n + m.olds.length, 0)}/${found('merged')}, moved ${made.moved.length}/${found('moved')}, ` +
    `removed ${made.removed.length}/${found('removed')}, added ${made.added.length}/${found('added')}, edited ${made.edited.length}/${found('changed')}`,
);
console.log(`summary: ${JSON.stringify(c.summary)}`);
