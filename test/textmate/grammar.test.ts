/**
 * The TextMate grammar, run by the same tokenizer VS Code uses (vscode-textmate with the
 * Oniguruma WASM engine): each construct of the markup gets its scope.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, type IGrammar, type StateStack } from 'vscode-textmate';

const require = createRequire(import.meta.url);
let grammar: IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) =>
      scope === 'source.draft' ? JSON.parse(readFileSync('grammar/draft.tmLanguage.json', 'utf8')) : null,
  });
  grammar = (await registry.loadGrammar('source.draft'))!;
});

/** Scopes of every token of `text`, as `text -> innermost scope` pairs. */
function tokens(text: string): Array<[string, string[]]> {
  let state: StateStack = INITIAL;
  const out: Array<[string, string[]]> = [];
  for (const line of text.split('\n')) {
    const result = grammar.tokenizeLine(line, state);
    for (const t of result.tokens) out.push([line.slice(t.startIndex, t.endIndex), t.scopes]);
    state = result.ruleStack;
  }
  return out;
}

function scopeOf(text: string, piece: string): string[] {
  const found = tokens(text).find(([t]) => t === piece);
  if (!found) throw new Error(`no token ${JSON.stringify(piece)} in ${JSON.stringify(tokens(text).map(([t]) => t))}`);
  return found[1];
}

describe('draft.tmLanguage.json', () => {
  it('colours front matter keys and values', () => {
    const text = '---\ntitle: Report\nadoption: consensus\n---\n';
    expect(scopeOf(text, 'title')).toContain('entity.name.tag.key.draft');
    expect(scopeOf(text, 'consensus')).toContain('string.unquoted.value.draft');
  });

  it('colours headings, paragraph and sub-paragraph labels', () => {
    expect(scopeOf('# II. Substantive discussions', '#')).toContain('punctuation.definition.heading.draft');
    expect(scopeOf('12bis. States noted', '12bis.').join(' ')).toContain('markup.list.numbered.paragraph.draft');
    expect(scopeOf('PP3. Recalling', 'PP3.').join(' ')).toContain('markup.list.numbered.paragraph.draft');
    expect(scopeOf('  (a) first', '(a)').join(' ')).toContain('markup.list.subparagraph.draft');
  });

  it('colours amendments, their proposers and comments', () => {
    const text = '22. the Charter{++@Japan: in its entirety++}{>>@Iran (Islamic Republic of): why<<} and {~~respect for~>adherence to~~}.';
    expect(scopeOf(text, ' in its entirety')).toContain('markup.inserted.amendment.draft');
    expect(scopeOf(text, '@Japan:')).toContain('entity.name.tag.proposer.draft');
    expect(scopeOf(text, '@Iran (Islamic Republic of):')).toContain('entity.name.tag.proposer.draft');
    expect(scopeOf(text, ' why')).toContain('comment.block.amendment.draft');
    expect(scopeOf(text, '~>')).toContain('keyword.operator.replace.draft');
  });

  it('colours brackets, placeholders, alternatives, statuses, notes and suppressions', () => {
    expect(scopeOf('1. [UN Charter | Charter]', '|')).toContain('keyword.operator.alternative.draft');
    expect(scopeOf('39. [placeholder: new norms]', '[placeholder: new norms]')).toContain('invalid.deprecated.placeholder.draft');
    expect(scopeOf('1. Text {status: agreed ad ref}', ' agreed ad ref')).toContain('constant.language.status.draft');
    expect(scopeOf('// a note', '//')).toContain('punctuation.definition.comment.draft');
    expect(scopeOf('// acquis-disable precedent.deviation -- why', 'acquis-disable')).toContain('keyword.other.suppression.draft');
  });

  it('colours citations and cross-references, not look-alikes', () => {
    expect(scopeOf('See A/70/174, para. 18.', 'A/70/174')).toContain('markup.underline.link.symbol.draft');
    expect(scopeOf('See A/C.1/73/L.27/Rev.1 now', 'A/C.1/73/L.27/Rev.1')).toContain('markup.underline.link.symbol.draft');
    expect(scopeOf('under resolution 70/237 of', 'resolution 70/237')).toContain('markup.underline.link.resolution.draft');
    expect(scopeOf('see paragraph 3 above.', 'paragraph 3 above')).toContain('markup.underline.link.cross-reference.draft');
    expect(tokens('a DATA/2020 file').some(([, s]) => s.join(' ').includes('symbol'))).toBe(false);
  });

  it('tokenizes every sample and acquis document without an error', () => {
    for (const file of ['samples/demo.draft', 'samples/oewg-pre-draft.draft', 'server/acquis/A-RES-73-27.draft']) {
      expect(tokens(readFileSync(file, 'utf8')).length).toBeGreaterThan(100);
    }
  });
});
