/** `frontMatterFields` reads a text's front matter as a whole parse does, without the body. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontMatterFields, parse } from '../../grammar/src/index';

describe('frontMatterFields', () => {
  it('gives the fields a whole parse gives', () => {
    const texts = [
      ...readdirSync('server/acquis').filter((f) => f.endsWith('.draft')).map((f) => readFileSync(join('server/acquis', f), 'utf8')),
      ...readdirSync('samples').filter((f) => f.endsWith('.draft')).map((f) => readFileSync(join('samples', f), 'utf8')),
      '',
      '1. No front matter.',
      '---\nexcerpt: true\n---\n\n1. Text.',
      '---\r\nexcerpt: yes\r\nsymbol: A/68/98\r\n---\r\n\r\n1. Text.',
      '\ufeff---\nexcerpt: "true"\n---\n1. Text.',
      '---\nexcerpt: true\ntitle: unclosed\n\n1. Text after a forgotten fence.',
      '---\nexcerpt: true',
      '---\n---\n',
      '---\nexcerpt: true\nexcerpt: no\n---\n',
      'text\n---\nexcerpt: true\n---\n',
    ];
    expect(texts.length).toBeGreaterThan(15);
    let withFields = 0;
    for (const text of texts) {
      const whole = parse(text).document.frontMatter?.fields;
      if (whole && Object.keys(whole).length) withFields++;
      expect(frontMatterFields(text), JSON.stringify(text.slice(0, 80))).toEqual(whole);
    }
    expect(withFields).toBeGreaterThan(5);
  });
});
