/**
 * server/src/host/acquis-index.ts, `readIndexFile`: the sentence texts are not loaded with the
 * index but read from its file row by row. Every precedent's text read that way is the text of the
 * acquis the index was made from, in any order of rows; an index made again from what was read is
 * the same file byte for byte (a walk over every row); and an index replaced on disk after it was
 * read still gives the texts it was read with.
 */
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSyntheticAcquis } from '../../bench/acquis-gen';
import { buildAcquis } from '../../server/src/engine/index';
import { readIndexFile, writeIndexFile } from '../../server/src/host/acquis-index';
import { mulberry32 } from '../grammar/helpers';

const dir = mkdtempSync(join(tmpdir(), 'acquis-index-texts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const facts = { engine: 'test', sources: '', builtin: false };

describe('index texts read from the file', () => {
  it('gives every precedent the text of the acquis it was made from, in any order', () => {
    const docs = ['one', 'two'].map((name, k) => ({
      uri: `${name}.draft`,
      text: `---\ntitle: ${name}\nsymbol: A/70/17${k}\nadoption: consensus\n---\n\n1. Cooperation between States on ICTs (including “quotes” and é) should be ${name}.\n\n2. ${'States should cooperate in the use of information and communications technologies. '.repeat(2000 * (k + 1))}\n`,
    }));
    const built = buildAcquis(docs).acquis;
    const file = join(dir, 'small.idx');
    writeIndexFile(built, file, facts);
    const read = readIndexFile(file).acquis;
    expect(built.precedents.length).toBeGreaterThan(2);
    expect(read.precedents.length).toBe(built.precedents.length);
    const random = mulberry32(5);
    const rows = read.precedents.map((_, i) => i).sort(() => random() - 0.5);
    for (const i of rows) expect(read.precedents[i]!.text, `row ${i}`).toBe(built.precedents[i]!.text);
  });

  it('makes the same index file again from an index it read (every row read in turn)', () => {
    const folder = writeSyntheticAcquis(join(dir, 'acquis'), 400, []).dir;
    const files = readdirSync(folder, { recursive: true })
      .map(String)
      .filter((n) => n.endsWith('.draft'))
      .map((n) => join(folder, n))
      .sort();
    const built = buildAcquis(files.map((f) => ({ uri: f, text: readFileSync(f, 'utf8') }))).acquis;
    const first = join(dir, 'first.idx');
    const second = join(dir, 'second.idx');
    writeIndexFile(built, first, facts);
    writeIndexFile(readIndexFile(first).acquis, second, facts);
    expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
  });

  it('still reads the texts it was read with after the file is replaced', () => {
    const make = (word: string) =>
      buildAcquis([{ uri: 'a.draft', text: `---\ntitle: a\nsymbol: A/1\nadoption: consensus\n---\n\n1. States should ${word} cooperate on security in the use of ICTs.\n` }]).acquis;
    const file = join(dir, 'replaced.idx');
    writeIndexFile(make('always'), file, facts);
    const read = readIndexFile(file).acquis;
    expect(read.precedents.length).toBeGreaterThan(0);
    const other = join(dir, 'other.idx');
    writeIndexFile(make('never ever'), other, facts);
    renameSync(other, file);
    expect(read.precedents.map((p) => p.text).join(' ')).toContain('always');
    expect(read.precedents.map((p) => p.text).join(' ')).not.toContain('never');
  });
});
