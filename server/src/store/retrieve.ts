/**
 * Reading from the store: candidate precedents are retrieved in PostgreSQL (GIN over the n-gram
 * keys of every precedent, n-grams too common to be useful dropped) and aligned locally, by the
 * same matcher and rules as a local acquis. The documents of the candidates join the local acquis
 * (built-in and folders) in a working acquis; the engine over it lints the draft. Search ranks
 * store candidates (GIN over word keys, weighted by IDF) with the engine's own scoring.
 */
import {
  engineFromAcquis,
  fromSnapshot,
  normaliseSymbol,
  toSnapshot,
  unitsOf,
  type Acquis,
  type AcquisSnapshot,
  type Engine,
  type Precedent,
} from '../engine/index.js';
import { authorityOrder } from '../engine/acquis/model.js';
import { paragraphFrequencies } from '../engine/acquis/paragraph-frequencies.js';
import { proposalsOf, proposerDrafts } from '../engine/amendments/proposal-findings.js';
import { readDraft } from '../engine/draft.js';
import { useWordFrequencies } from '../engine/rules/precedent-weight.js';
import { NGRAM, key64, ngramKeys } from '../engine/search/keys.js';
import {
  lineageOf,
  queryWeights,
  rankCandidates,
  readQuery,
  selectingKeys,
  SEARCH_CANDIDATES,
  wordPostings,
  type SearchOptions,
  type SearchResult,
} from '../engine/search/index.js';
import { splitSentences } from '../engine/text/sentences.js';
import { readWords } from '../engine/text/words.js';
import { checkSchema, reach, type Store } from './connection.js';

type StoredDocument = AcquisSnapshot['documents'][number] & {
  norm: string;
  precedents: Array<[string, string, number, number]>;
};

interface PrecedentRow {
  document_id: string;
  pinpoint: string;
  text: string;
  span_start: number;
  span_end: number;
}

interface DocumentMetadata {
  uri: string;
  symbol: string;
  norm: string;
  adoption: StoredDocument['adoption'];
  fields: StoredDocument['fields'];
}

/** The rarest 3-grams of a search result that find its lineage. */
const LINEAGE_KEYS = 4;
/** Precedents looked up per search result for its lineage. */
const LINEAGE_CANDIDATES = 8;
/**
 * Candidates per draft sentence taken from the store: at least what the matcher keeps for the
 * sentence (8, or a quarter of its words), with room for the matcher's own ranking to differ a little.
 */
const CANDIDATES_PER_SENTENCE = 32;
/** Fewest words of a sentence the matcher looks at (its default `minWords`). */
const MIN_SENTENCE_WORDS = 6;
/**
 * Stored precedents a language server session keeps in its working acquis from one keystroke to
 * the next (beyond this, the working acquis is rebuilt with what the text needs now).
 */
const WORKING_UNION = 20_000;
/** Documents kept in memory between look-ups (a language server session). */
const DOCUMENT_CACHE = 5_000;
/** Word frequencies kept in memory between look-ups. */
const DF_CACHE = 200_000;
/** UN document symbols and "resolution 73/27" in a draft: cited documents join the working acquis. */
const SYMBOLS = /\b(?:A|S|E|ST)(?:\/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)+\*?|\bresolutions? (\d{2,3}\/\d{1,4})/g;

/**
 * The local acquis and a store, read together. Local documents win over a stored document with the
 * same symbol (the drafter's own folder is what they are working on).
 */
export class StoreLink {
  private readonly local: AcquisSnapshot;
  private readonly localSymbols: Set<string>;
  private readonly documents = new Map<string, StoredDocument>();
  private readonly metadataCache = new Map<string, DocumentMetadata>();
  private schemaChecked = false;
  /** Paragraph frequencies of words in the store (hashed word key -> paragraphs), for precedent.voted's rarity. */
  private readonly storeParagraphDf = new Map<string, number>();
  private storeParagraphs = 0;
  /** The store's publish counter when those counts were read. */
  private generation: string | undefined;
  /** The same over the local acquis (by word key), and over the stored documents the local ones hide. */
  private readonly localParagraphs: { paragraphs: number; df: Map<string, number> };
  private hidden: { paragraphs: number; df: Map<string, number> } | undefined;
  /** The working acquis last weighed (a language server reuses it from one keystroke to the next). */
  private weighed: Acquis | undefined;
  private working: { rows: Map<string, PrecedentRow>; cited: Set<string>; engine: Engine } | undefined;

  constructor(
    readonly store: Store,
    readonly localEngine: Engine,
  ) {
    this.local = toSnapshot(localEngine.acquis, '');
    this.localSymbols = new Set(localEngine.acquis.documents.map((d) => normaliseSymbol(d.symbol)));
    this.localParagraphs = localParagraphFrequencies(localEngine.acquis);
  }

  /** An engine whose acquis holds the local documents and every stored document the text may need. */
  async engineFor(text: string): Promise<Engine> {
    await this.ready();
    const rows = await this.candidateRows(sentenceKeys(text));
    const cited = await this.citedDocuments(text);
    const engine = await this.engineOver(rows, cited);
    await this.weighByWholeAcquis(engine.acquis);
    return engine;
  }

  /**
   * precedent.voted weighs words by how many paragraphs of the acquis use them. The working acquis
   * holds only the candidates, so its words are weighed by the counts of the whole: the store's
   * (kept by publish), less the stored documents a local one hides, plus the local acquis's.
   */
  private async weighByWholeAcquis(acquis: Acquis): Promise<void> {
    const totals = await reach(this.store, () =>
      this.store.pool.query<{ paragraphs: number; generation: string }>('SELECT paragraphs, generation::text AS generation FROM acquis.totals'),
    );
    const { paragraphs = 0, generation = '' } = totals.rows[0] ?? {};
    // A publish since the last look-up may have changed any count: start again.
    if (generation !== this.generation) {
      this.storeParagraphDf.clear();
      this.hidden = undefined;
      this.storeParagraphs = paragraphs;
      this.generation = generation;
      this.weighed = undefined;
    }
    if (this.weighed === acquis) return;
    if (this.storeParagraphDf.size > DF_CACHE) this.storeParagraphDf.clear();
    const hashed = new Map<string, string>();
    for (const key of acquis.index.vocabulary.keys()) hashed.set(key, key64(key));
    const missing = [...new Set(hashed.values())].filter((h) => !this.storeParagraphDf.has(h));
    if (missing.length) {
      const rows = await reach(this.store, () =>
        this.store.pool.query<{ key: string; df: number }>('SELECT key::text AS key, df FROM acquis.word_paragraph_df WHERE key = ANY($1::int8[])', [missing]),
      );
      for (const h of missing) this.storeParagraphDf.set(h, 0);
      for (const r of rows.rows) this.storeParagraphDf.set(r.key, r.df);
    }
    const hidden = (this.hidden ??= await this.hiddenParagraphFrequencies());
    const local = this.localParagraphs;
    this.weighed = acquis;
    useWordFrequencies(acquis, {
      paragraphs: this.storeParagraphs - hidden.paragraphs + local.paragraphs,
      df: (key) => {
        const h = hashed.get(key) ?? key64(key);
        return (this.storeParagraphDf.get(h) ?? 0) - (hidden.df.get(h) ?? 0) + (local.df.get(key) ?? 0);
      },
    });
  }

  /** Paragraph frequencies (by hashed word key) of the stored documents that local documents hide. */
  private async hiddenParagraphFrequencies(): Promise<{ paragraphs: number; df: Map<string, number> }> {
    const df = new Map<string, number>();
    if (!this.localSymbols.size) return { paragraphs: 0, df };
    const rows = await reach(this.store, () =>
      this.store.pool.query<{ k: string; n: number }>(
        `SELECT k::text AS k, count(*)::int AS n
         FROM (SELECT DISTINCT p.document_id, p.pinpoint, k
               FROM acquis.precedent p JOIN acquis.document d ON d.id = p.document_id, unnest(p.word_keys) AS k
               WHERE d.norm_symbol = ANY($1::text[])) AS x
         GROUP BY k`,
        [[...this.localSymbols]],
      ),
    );
    for (const r of rows.rows) df.set(r.k, r.n);
    const count = await reach(this.store, () =>
      this.store.pool.query<{ n: number }>(
        `SELECT count(DISTINCT (p.document_id, p.pinpoint))::int AS n FROM acquis.precedent p JOIN acquis.document d ON d.id = p.document_id
         WHERE d.norm_symbol = ANY($1::text[])`,
        [[...this.localSymbols]],
      ),
    );
    return { paragraphs: count.rows[0]?.n ?? 0, df };
  }

  /**
   * Search the local acquis and the store together. Candidates come from the database (GIN over
   * word keys, ordered by the IDF of the words they share with the query) and are scored by the
   * engine's own relevance; lineage is found by aligning each result against the precedents that
   * share its 3-grams, in a small acquis made of those alone.
   */
  async search(text: string, options: SearchOptions): Promise<SearchResult> {
    await this.ready();
    const query = readQuery(text);
    const hashed = new Map(query.keys.map((k) => [k, key64(k)]));
    const [totals, dfRows] = await reach(this.store, () =>
      Promise.all([
        this.store.pool.query<{ precedents: number }>('SELECT precedents FROM acquis.totals'),
        this.store.pool.query<{ key: string; df: number }>('SELECT key::text AS key, df FROM acquis.word_df WHERE key = ANY($1::int8[]) AND df > 0', [
          [...hashed.values()],
        ]),
      ]),
    );
    const stored = new Map(dfRows.rows.map((r) => [r.key, r.df]));
    const localPostings = wordPostings(this.localEngine.acquis);
    const total = (totals.rows[0]?.precedents ?? 0) + localPostings.total;
    const df = (key: string): number => (stored.get(hashed.get(key)!) ?? 0) + localPostings.df(key);
    const weights = queryWeights(query, df, total);
    const selecting = selectingKeys(query, df, total);
    const storeSelecting = selecting.filter((k) => stored.has(hashed.get(k)!));
    let rows: PrecedentRow[] = [];
    if (storeSelecting.length) {
      const result = await reach(this.store, () =>
        this.store.pool.query<PrecedentRow>(
          `SELECT p.document_id::text AS document_id, p.pinpoint, p.text, p.span_start, p.span_end
           FROM acquis.precedent p JOIN acquis.document d ON d.id = p.document_id
           WHERE p.word_keys && $1::int8[]
             AND ($3::bool IS NOT TRUE OR d.consensus)
             AND ($4::text IS NULL OR lower(d.body) = lower($4::text))
             AND ($5::int IS NULL OR d.year >= $5::int)
           ORDER BY (SELECT coalesce(sum(q.w), 0) FROM unnest($1::int8[], $2::float8[]) AS q(k, w) WHERE q.k = ANY(p.word_keys)) DESC, p.id
           LIMIT $6`,
          [
            storeSelecting.map((k) => hashed.get(k)!),
            storeSelecting.map((k) => weights.get(k)!),
            options.consensusOnly ?? false,
            options.body ?? null,
            options.since ?? null,
            SEARCH_CANDIDATES,
          ],
        ),
      );
      rows = result.rows;
    }
    const fromStore = await this.smallAcquis(rows);
    const local = this.localEngine.acquis;
    const localCandidates = localPostings.heaviest(new Map(selecting.map((k) => [k, weights.get(k)!])), SEARCH_CANDIDATES).map((id) => local.precedents[id]!);
    const hits = rankCandidates(query, weights, [...localCandidates, ...fromStore.precedents], options);
    // Lineage: precedents sharing each result's 3-grams, aligned by the matcher.
    const lineageRows = await this.lineageRows(hits.map((h) => keysOfSentence(h.precedent.text)));
    const lineageEngine = engineFromAcquis(await this.smallAcquis(lineageRows), this.localEngine.config);
    for (const hit of hits) {
      const found = new Map<string, Precedent>();
      for (const p of [...lineageOf(hit.precedent, this.localEngine.matcher), ...lineageOf(hit.precedent, lineageEngine.matcher)]) {
        if (p.document.uri !== hit.precedent.document.uri) found.set(`${p.document.uri}#${p.span.start}`, p);
      }
      hit.lineage = [...found.values()].sort((a, b) => authorityOrder(a.document, b.document));
    }
    return { query, unknownWords: query.keys.filter((k) => df(k) === 0), hits };
  }

  /** An acquis of just these stored precedents (documents local to the drafter are left out). */
  private async smallAcquis(rows: PrecedentRow[]): Promise<Acquis> {
    const metadata = await this.metadata([...new Set(rows.map((r) => r.document_id))]);
    const snapshot: AcquisSnapshot = { version: 1, sourceKey: '', documents: [], precedents: [] };
    const index = new Map<string, number>();
    const seen = new Set<string>();
    for (const r of rows) {
      const d = metadata.get(r.document_id);
      if (!d || this.localSymbols.has(d.norm) || seen.has(`${r.document_id}#${r.span_start}`)) continue;
      seen.add(`${r.document_id}#${r.span_start}`);
      let at = index.get(r.document_id);
      if (at === undefined) {
        at = snapshot.documents.length;
        index.set(r.document_id, at);
        snapshot.documents.push({ uri: d.uri, symbol: d.symbol, adoption: d.adoption, text: '', fields: d.fields });
      }
      snapshot.precedents.push([at, r.pinpoint, r.text, r.span_start, r.span_end]);
    }
    return fromSnapshot(snapshot);
  }

  /** Symbol, adoption and fields of stored documents (not their text), cached. */
  private async metadata(ids: string[]): Promise<Map<string, DocumentMetadata>> {
    const missing = ids.filter((id) => !this.metadataCache.has(id));
    if (missing.length) {
      const rows = await reach(this.store, () =>
        this.store.pool.query<{ id: string; symbol: string; norm_symbol: string; uri: string; adoption: StoredDocument['adoption']; fields: StoredDocument['fields'] }>(
          'SELECT id::text AS id, symbol, norm_symbol, uri, adoption, fields FROM acquis.document WHERE id = ANY($1::int8[])',
          [missing],
        ),
      );
      if (this.metadataCache.size + rows.rows.length > DOCUMENT_CACHE * 4) this.metadataCache.clear();
      for (const r of rows.rows) {
        this.metadataCache.set(r.id, { uri: storedUri(r.uri), symbol: r.symbol, norm: r.norm_symbol, adoption: r.adoption, fields: r.fields });
      }
    }
    return new Map(ids.flatMap((id) => (this.metadataCache.has(id) ? [[id, this.metadataCache.get(id)!] as const] : [])));
  }

  /** The stored precedents sharing the most 3-grams with each key list (frequent 3-grams dropped). */
  private async lineageRows(sentences: string[][]): Promise<PrecedentRow[]> {
    // The same formulation shares nearly every 3-gram, so its rarest ones find it: looking up only
    // those keeps a result's look-up to a few index entries, however common its other 3-grams are.
    const all = [...new Set(sentences.flat())];
    if (!all.length) return [];
    const counts = await reach(this.store, () =>
      this.store.pool.query<{ key: string; df: number }>('SELECT key::text AS key, df FROM acquis.ngram_df WHERE key = ANY($1::int8[]) AND df > 0', [all]),
    );
    const df = new Map(counts.rows.map((r) => [r.key, r.df]));
    const kept = sentences
      .map((keys) => keys.filter((k) => df.has(k)).sort((a, b) => df.get(a)! - df.get(b)! || a.localeCompare(b)).slice(0, LINEAGE_KEYS))
      .filter((keys) => keys.length);
    if (!kept.length) return [];
    return this.sharingMost(kept.map((keys) => ({ keys, limit: LINEAGE_CANDIDATES })));
  }

  /**
   * For each list of 3-gram keys, the stored precedents sharing the most of them (then the first
   * published), at most `limit` per list; each precedent once. The one look-up behind lint's
   * candidates and search's lineage. Each key is looked up on its own in the GIN index and the
   * hits are counted by a GROUP BY: scoring every precedent that shares any key by unnesting its
   * array cost minutes per draft at 100k paragraphs.
   */
  private async sharingMost(lists: Array<{ keys: string[]; limit: number }>): Promise<PrecedentRow[]> {
    if (!lists.length) return [];
    const rows = await reach(this.store, () =>
      this.store.pool.query<PrecedentRow>(
        `SELECT DISTINCT p.document_id::text AS document_id, p.pinpoint, p.text, p.span_start, p.span_end
         FROM unnest($1::text[], $2::int[]) AS s(keys, lim),
         LATERAL (
           SELECT h.id
           FROM (SELECT q.id, count(*) AS shared
                 FROM unnest(s.keys::int8[]) AS k(key),
                      LATERAL (SELECT id FROM acquis.precedent WHERE ngram_keys @> ARRAY[k.key]) AS q
                 GROUP BY q.id) AS h
           ORDER BY h.shared DESC, h.id
           LIMIT s.lim
         ) AS c
         JOIN acquis.precedent p ON p.id = c.id`,
        [lists.map((l) => `{${l.keys.join(',')}}`), lists.map((l) => l.limit)],
      ),
    );
    return rows.rows;
  }

  /** Each sentence's keys without the 3-grams too common to tell precedents apart (empty lists dropped). */
  private async withoutFrequent(sentences: SentenceKeys[]): Promise<SentenceKeys[]> {
    const all = [...new Set(sentences.flatMap((s) => s.keys))];
    if (!all.length) return [];
    const frequent = await reach(this.store, () =>
      this.store.pool.query<{ key: string }>(
        `SELECT key::text AS key FROM acquis.ngram_df
         WHERE key = ANY($1::int8[]) AND df > greatest(64, ceil((SELECT precedents FROM acquis.totals) * 0.02))`,
        [all],
      ),
    );
    const drop = new Set(frequent.rows.map((r) => r.key));
    return sentences.map((s) => ({ ...s, keys: s.keys.filter((k) => !drop.has(k)) })).filter((s) => s.keys.length);
  }

  private async ready(): Promise<void> {
    if (this.schemaChecked) return;
    await checkSchema(this.store);
    this.schemaChecked = true;
  }

  /** The best candidates of each sentence, as the local index would rank them. */
  private async candidateRows(sentences: SentenceKeys[]): Promise<PrecedentRow[]> {
    if (!sentences.length) return [];
    const kept = await this.withoutFrequent(sentences);
    return this.sharingMost(kept.map((s) => ({ keys: s.keys, limit: Math.max(CANDIDATES_PER_SENTENCE, s.limit) })));
  }

  /** Stored documents the text cites by symbol (so citations to them can be checked). */
  private async citedDocuments(text: string): Promise<string[]> {
    const symbols = new Set<string>();
    for (const m of text.matchAll(SYMBOLS)) symbols.add(m[1] ? `A/RES/${m[1]}` : normaliseSymbol(m[0]));
    const wanted = [...symbols].filter((s) => !this.localSymbols.has(s));
    if (!wanted.length) return [];
    const rows = await reach(this.store, () =>
      this.store.pool.query<{ id: string }>('SELECT id::text AS id FROM acquis.document WHERE norm_symbol = ANY($1::text[])', [wanted]),
    );
    return rows.rows.map((r) => r.id);
  }

  /**
   * The engine over the local acquis, these stored precedents and the cited stored documents
   * (whole). The last one is kept and reused while it holds everything asked for, so the
   * matcher's cache (by paragraph text) survives from one keystroke to the next.
   */
  private async engineOver(rows: PrecedentRow[], cited: string[]): Promise<Engine> {
    const keyOf = (r: PrecedentRow): string => `${r.document_id}#${r.span_start}`;
    const wanted = new Map(rows.map((r) => [keyOf(r), r]));
    const previous = this.working;
    if (previous && [...wanted].every(([k, r]) => previous.rows.has(k) || previous.cited.has(r.document_id)) && cited.every((id) => previous.cited.has(id))) {
      return previous.engine;
    }
    if (previous && previous.rows.size + wanted.size <= WORKING_UNION) for (const [k, r] of previous.rows) if (!wanted.has(k)) wanted.set(k, r);
    const wholeIds = new Set([...cited, ...(previous && previous.rows.size + wanted.size <= WORKING_UNION ? previous.cited : [])]);
    await this.load([...wholeIds]);
    const metadata = await this.metadata([...new Set([...wanted.values()].map((r) => r.document_id))]);
    // Per stored document: all its precedents when it is cited, else the candidates; documents by
    // published path and precedents in document order, as a folder would be read.
    const docs = new Map<string, { meta: DocumentMetadata; text: string; precedents: Array<[string, string, number, number]> }>();
    for (const id of wholeIds) {
      const d = this.documents.get(id);
      if (d && !this.localSymbols.has(d.norm)) docs.set(id, { meta: d, text: d.text, precedents: d.precedents });
    }
    for (const r of wanted.values()) {
      if (docs.has(r.document_id) && wholeIds.has(r.document_id)) continue;
      const meta = metadata.get(r.document_id);
      if (!meta || this.localSymbols.has(meta.norm)) continue;
      let doc = docs.get(r.document_id);
      if (!doc) docs.set(r.document_id, (doc = { meta, text: '', precedents: [] }));
      doc.precedents.push([r.pinpoint, r.text, r.span_start, r.span_end]);
    }
    const snapshot: AcquisSnapshot = { version: 1, sourceKey: '', documents: [...this.local.documents], precedents: [...this.local.precedents] };
    for (const doc of [...docs.values()].sort((a, b) => a.meta.uri.localeCompare(b.meta.uri))) {
      const index = snapshot.documents.length;
      snapshot.documents.push({ uri: doc.meta.uri, symbol: doc.meta.symbol, adoption: doc.meta.adoption, text: doc.text, fields: doc.meta.fields });
      for (const [pinpoint, text, start, end] of [...doc.precedents].sort((a, b) => a[2] - b[2])) snapshot.precedents.push([index, pinpoint, text, start, end]);
    }
    const engine = engineFromAcquis(fromSnapshot(snapshot), this.localEngine.config, this.localEngine.acquisProblems);
    this.working = { rows: new Map([...wanted].filter(([, r]) => !wholeIds.has(r.document_id))), cited: wholeIds, engine };
    return engine;
  }

  /** Fetches documents not yet in memory, with their precedents. */
  private async load(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.documents.has(id));
    if (!missing.length) return;
    const [docs, precedents] = await reach(this.store, () =>
      Promise.all([
        this.store.pool.query<{ id: string; symbol: string; norm_symbol: string; uri: string; adoption: StoredDocument['adoption']; fields: StoredDocument['fields']; text: string }>(
          'SELECT id::text AS id, symbol, norm_symbol, uri, adoption, fields, text FROM acquis.document WHERE id = ANY($1::int8[])',
          [missing],
        ),
        this.store.pool.query<{ document_id: string; pinpoint: string; text: string; span_start: number; span_end: number }>(
          `SELECT document_id::text AS document_id, pinpoint, text, span_start, span_end
           FROM acquis.precedent WHERE document_id = ANY($1::int8[]) ORDER BY document_id, ord`,
          [missing],
        ),
      ]),
    );
    if (this.documents.size + docs.rows.length > DOCUMENT_CACHE) this.documents.clear();
    const byId = new Map<string, StoredDocument>();
    for (const r of docs.rows) {
      const doc: StoredDocument = { uri: storedUri(r.uri), symbol: r.symbol, adoption: r.adoption, text: r.text, fields: r.fields, norm: r.norm_symbol, precedents: [] };
      byId.set(r.id, doc);
      this.documents.set(r.id, doc);
    }
    for (const p of precedents.rows) byId.get(p.document_id)?.precedents.push([p.pinpoint, p.text, p.span_start, p.span_end]);
  }
}

/** Stored documents are shown as `acquis-store:<path as published>`: they have no local file. */
export function storedUri(uri: string): string {
  return `acquis-store:${uri}`;
}

/** A draft sentence's 3-gram keys, and how many candidates the matcher takes for it. */
interface SentenceKeys {
  keys: string[];
  limit: number;
}

/**
 * The n-gram keys of every sentence the matcher will look at: the current and accepted views, and
 * each proposer's (lint reads every proposal as its proposer's text).
 */
function sentenceKeys(text: string): SentenceKeys[] {
  const draft = readDraft('store:draft', text);
  const out: SentenceKeys[] = [];
  const seen = new Set<string>();
  const views = [
    ...draft.units.map((u) => u.view.text),
    ...unitsOf(draft.document, text, 'accepted').map((u) => u.view.text),
    ...proposerDrafts(draft, proposalsOf(draft)).flatMap((p) => p.draft.units.map((u) => u.view.text)),
  ];
  for (const view of views) {
    if (seen.has(view)) continue;
    seen.add(view);
    for (const sentence of splitSentences(view)) {
      const words = readWords(view, sentence.start, sentence.end);
      if (words.length < MIN_SENTENCE_WORDS || words.length < NGRAM) continue;
      // The matcher's own number of candidates for a sentence (matcher.ts, candidatesFor).
      out.push({ keys: ngramKeys(words), limit: Math.max(8, Math.ceil(words.length / 4)) });
    }
  }
  return out;
}

/** Paragraph frequencies of the words of a local acquis, by word key (the store counts by key). */
function localParagraphFrequencies(acquis: Acquis): { paragraphs: number; df: Map<string, number> } {
  const counted = paragraphFrequencies(acquis);
  const df = new Map<string, number>();
  for (const [key, id] of acquis.index.vocabulary) if (counted.df[id]) df.set(key, counted.df[id]!);
  return { paragraphs: counted.paragraphs, df };
}

function keysOfSentence(text: string): string[] {
  return ngramKeys(readWords(text));
}
