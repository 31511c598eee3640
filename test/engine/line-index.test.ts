// LineIndex finds line starts with native searches (indexOf, a regular expression); this checks
// it against the plain reading of the rule, one character at a time, on seeded random texts
// made of the characters that matter (LF, CR, CRLF, a byte order mark) and a letter.
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../server/src/engine/index';
import type { Position } from '../../server/src/engine/text/line-index';
import { mulberry32 } from '../grammar/helpers';

/** Line starts as the parser reads line breaks: LF, CRLF or a lone CR. */
function referenceStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function referencePosition(text: string, offset: number): Position {
  const starts = referenceStarts(text);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  const start = line === 0 ? Math.min(bom, offset) : starts[line]!;
  return { line, character: offset - start };
}

describe('LineIndex', () => {
  it('reads LF, CRLF and lone CR line breaks as the character-by-character rule does', () => {
    const random = mulberry32(11);
    const pieces = ['a', 'a', 'b', '\n', '\r', '\r\n', '\n\n', '\r\r'];
    for (let n = 0; n < 300; n++) {
      let text = random() < 0.2 ? '\uFEFF' : '';
      const length = Math.floor(random() * 24);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)]!;
      const lines = new LineIndex(text);
      expect(lines.lineCount, JSON.stringify(text)).toBe(referenceStarts(text).length);
      for (let offset = 0; offset <= text.length; offset++) {
        expect(lines.position(offset), `${JSON.stringify(text)} at ${offset}`).toEqual(referencePosition(text, offset));
      }
    }
  });

  it('gives the same positions for a CRLF text as for its LF form', () => {
    const lf = 'one\ntwo\n\nthree\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = new LineIndex(lf);
    const b = new LineIndex(crlf);
    expect(b.lineCount).toBe(a.lineCount);
    expect(b.position(crlf.indexOf('three'))).toEqual(a.position(lf.indexOf('three')));
  });
});
