/** The incremental parser gives exactly what `parse` gives, edit after edit. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IncrementalParser, parse } from '../../grammar/src/index';
import { mulberry32 } from './helpers';

const files = [
  ...readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => `samples/${f}`),
  ...readdirSync('server/acquis').map((f) => `server/acquis/${f}`),
];
const MARKS = ['[', ']', '{++', '++}', '{>>@Japan: ', '<<}', '"', '“', '”', '\n', '\n\n', '(a) ', '12. ', '# ', '// ', 'A/70/174', 'word ', ' ', '---\n'];

describe('incremental parsing', () => {
  it.each(files)('%s: same document and problems as a full parse, through 150 random edits', (file) => {
    const seed = 4242;
    const random = mulberry32(seed + file.length);
    let text = readFileSync(file, 'utf8');
    const parser = new IncrementalParser();
    for (let i = 0; i < 150; i++) {
      const at = Math.floor(random() * (text.length + 1));
      const r = random();
      if (r < 0.4) text = text.slice(0, at) + MARKS[Math.floor(random() * MARKS.length)] + text.slice(at);
      else if (r < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 5));
      else text = text.slice(0, at) + 'x' + text.slice(at);
      const expected = parse(text);
      const actual = parser.parse(text);
      expect(actual.document, `${file}, edit ${i} (seed ${seed})`).toEqual(expected.document);
      expect(actual.problems.map((p) => [p.code, p.span])).toEqual(expected.problems.map((p) => [p.code, p.span]));
    }
  });
});
