/**
 * The shared store in the language server. Linting and search use the store when it answers; when
 * it does not, the user is warned once and linting goes on against the local acquis, while a probe
 * every few seconds notices the store coming back (then open drafts are linted again).
 */
import type { Engine } from '../engine/index.js';
import { searchAcquis, type SearchOptions, type SearchResult } from '../engine/search/index.js';
import { describeStore, openStore, StoreSchemaError, StoreUnavailableError, type Store } from '../store/connection.js';
import { StoreLink } from '../store/retrieve.js';

/** Milliseconds between two probes of a store that did not answer. */
const PROBE_MS = 2_000;

export interface StoreEvents {
  /** The store stopped answering (or cannot be used): a warning for the user. */
  down(message: string): void;
  /** It answers again: lint the open drafts again. */
  up(message: string): void;
}

export class LspStore {
  private link: StoreLink | undefined;
  private store: Store | undefined;
  private downSince: number | undefined;
  private probe: NodeJS.Timeout | undefined;

  constructor(
    readonly url: string,
    private readonly local: Engine,
    private readonly events: StoreEvents,
  ) {}

  /** The engine to lint `text` with: with the store's candidates, or the local one while it is down. */
  async engineFor(text: string): Promise<Engine> {
    if (this.downSince !== undefined) return this.local;
    try {
      return await (await this.linked()).engineFor(text);
    } catch (error) {
      this.fail(error);
      return this.local;
    }
  }

  async search(query: string, options: SearchOptions): Promise<SearchResult> {
    if (this.downSince === undefined) {
      try {
        return await (await this.linked()).search(query, options);
      } catch (error) {
        this.fail(error);
      }
    }
    return searchAcquis(this.local.acquis, query, options, this.local.matcher);
  }

  /** True while the store is not used (unreachable or unusable). */
  get isDown(): boolean {
    return this.downSince !== undefined;
  }

  dispose(): void {
    clearInterval(this.probe);
    void this.store?.close().catch(() => undefined);
  }

  private async linked(): Promise<StoreLink> {
    if (!this.link) {
      this.store = await openStore(this.url, { connectTimeoutMs: 3_000 });
      this.link = new StoreLink(this.store, this.local);
    }
    return this.link;
  }

  private fail(error: unknown): void {
    if (!(error instanceof StoreUnavailableError) && !(error instanceof StoreSchemaError) && !(error as { code?: string }).code) throw error;
    if (this.downSince !== undefined) return;
    this.downSince = Date.now();
    this.events.down(
      `Acquis: the shared store ${describeStore(this.url)} cannot be used (${(error as Error).message}); linting against the local acquis until it is back.`,
    );
    this.probe = setInterval(() => void this.check(), PROBE_MS);
    this.probe.unref();
  }

  private async check(): Promise<void> {
    try {
      await this.linked();
      await this.store!.pool.query('SELECT 1 FROM acquis.totals');
    } catch {
      return;
    }
    clearInterval(this.probe);
    this.probe = undefined;
    this.downSince = undefined;
    this.events.up(`Acquis: the shared store ${describeStore(this.url)} is back; drafts are checked against it again.`);
  }
}

/** How the language server searches: through the entry's store when it has one. */
export async function searchWith(engine: Engine, query: string, options: SearchOptions, store?: LspStore): Promise<SearchResult> {
  if (store) return store.search(query, options);
  return searchAcquis(engine.acquis, query, options, engine.matcher);
}
