/**
 * Reading acquis documents away from the builder (in a worker thread, for a large acquis): each
 * document is parsed and cut into sentences here, and what the builder needs comes back as a
 * batch of flat typed arrays (spans, word ids in the reader's own vocabulary, the sentences as
 * UTF-8 bytes) that can be moved between threads without a copy. The builder merges batches in
 * file order (AcquisBuilder.addBatch), so the acquis is the one a single thread would build.
 */
import { readFacts, readSentences, type DocumentFacts, type SourceFile } from './acquis.js';
import type { AcquisProblem } from './model.js';
import { Growable } from './precedent-table.js';

/** One document of a batch: its facts (none when it is unfit), problems, pinpoints and sentences. */
export interface ReadFile {
  uri: string;
  facts?: DocumentFacts;
  problems: AcquisProblem[];
  /** The pinpoints of its units, in order of first use; `ReadBatch.pin` indexes this list. */
  pinpoints: string[];
  /** How many rows of the batch are this document's sentences. */
  sentences: number;
}

/** Documents read in a row, their sentences as columns (one entry per sentence unless said). */
export interface ReadBatch {
  files: ReadFile[];
  /** Keys the reader met for the first time in this batch, in the order of its ids. */
  newKeys: string[];
  pin: Uint32Array;
  start: Uint32Array;
  end: Uint32Array;
  wordCounts: Uint32Array;
  /** Every sentence's word ids in the reader's vocabulary, one after the other. */
  ids: Int32Array;
  textLengths: Uint32Array;
  /** Every sentence's text as UTF-8, one after the other. */
  text: Uint8Array;
}

const encoder = new TextEncoder();

export class BatchReader {
  private readonly vocabulary = new Map<string, number>();
  private files: ReadFile[] = [];
  private newKeys: string[] = [];
  private pin = Growable.u32();
  private start = Growable.u32();
  private end = Growable.u32();
  private wordCounts = Growable.u32();
  private textLengths = Growable.u32();
  private ids = Growable.i32(1 << 14);
  private text = new Uint8Array(1 << 16);
  private textUsed = 0;

  read(source: SourceFile): void {
    const problems: AcquisProblem[] = [];
    const read = readFacts(source, problems);
    const file: ReadFile = { uri: source.uri, problems, pinpoints: [], sentences: 0 };
    this.files.push(file);
    if (!read) return;
    file.facts = read.facts;
    const local = new Map<string, number>();
    let pin = 0;
    readSentences(read.tree, source.text, {
      unit: (pinpoint) => {
        let k = local.get(pinpoint);
        if (k === undefined) {
          local.set(pinpoint, (k = local.size));
          file.pinpoints.push(pinpoint);
        }
        pin = k;
      },
      sentence: (text, words, start, end) => {
        file.sentences++;
        this.pin.push(pin);
        this.start.push(start);
        this.end.push(end);
        this.wordCounts.push(words.length);
        for (const word of words) {
          let id = this.vocabulary.get(word.key);
          if (id === undefined) {
            this.vocabulary.set(word.key, (id = this.vocabulary.size));
            this.newKeys.push(word.key);
          }
          this.ids.push(id);
        }
        if (this.textUsed + text.length * 3 > this.text.length) {
          const grown = new Uint8Array(Math.max(this.text.length * 2, this.textUsed + text.length * 3));
          grown.set(this.text.subarray(0, this.textUsed));
          this.text = grown;
        }
        const { written } = encoder.encodeInto(text, this.text.subarray(this.textUsed));
        this.textUsed += written;
        this.textLengths.push(written);
      },
    });
  }

  /** The batch read since the last call, with the buffers to transfer; the reader starts a new one. */
  take(): { batch: ReadBatch; transfer: ArrayBuffer[] } {
    const batch: ReadBatch = {
      files: this.files,
      newKeys: this.newKeys,
      pin: this.pin.view().slice(),
      start: this.start.view().slice(),
      end: this.end.view().slice(),
      wordCounts: this.wordCounts.view().slice(),
      ids: this.ids.view().slice(),
      textLengths: this.textLengths.view().slice(),
      text: this.text.slice(0, this.textUsed),
    };
    this.files = [];
    this.newKeys = [];
    this.pin.length = this.start.length = this.end.length = this.wordCounts.length = this.textLengths.length = this.ids.length = 0;
    this.textUsed = 0;
    const transfer = [batch.pin, batch.start, batch.end, batch.wordCounts, batch.ids, batch.textLengths, batch.text].map((a) => a.buffer as ArrayBuffer);
    return { batch, transfer };
  }
}

/** A reader's vocabulary as the builder sees it: its keys, and their ids in the acquis's vocabulary. */
export class ReaderWords {
  readonly keys: string[] = [];
  /** Global id + 1 for each of the reader's ids; 0 until first met. */
  private global = new Int32Array(1024);

  globalId(local: number, vocabulary: Map<string, number>): number {
    if (local >= this.global.length) {
      const grown = new Int32Array(Math.max(local + 1, this.global.length * 2));
      grown.set(this.global);
      this.global = grown;
    }
    const known = this.global[local]!;
    if (known) return known - 1;
    const key = this.keys[local]!;
    let id = vocabulary.get(key);
    if (id === undefined) vocabulary.set(key, (id = vocabulary.size));
    this.global[local] = id + 1;
    return id;
  }
}
