-- The shared acquis: adopted documents, their precedents (sentences) with the keys of their words
-- and word 3-grams, and how many precedents use each key (to drop keys too common to be useful).
-- Applied by `acquis publish` (the publishing role), once, in a transaction.

CREATE TABLE acquis.document (
  id           bigserial PRIMARY KEY,
  -- The symbol as written, and normalised (upper case, no trailing *): one row per document.
  symbol       text NOT NULL,
  norm_symbol  text NOT NULL UNIQUE,
  -- Where it was published from (a path relative to the publisher's folder), for messages.
  uri          text NOT NULL,
  adoption     jsonb NOT NULL,
  consensus    boolean NOT NULL,
  body         text,
  year         integer,
  -- title, body, year, date, adoptedBy, source (as in the engine's snapshot).
  fields       jsonb NOT NULL,
  text         text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE acquis.precedent (
  id          bigserial PRIMARY KEY,
  document_id bigint NOT NULL REFERENCES acquis.document (id) ON DELETE CASCADE,
  ord         integer NOT NULL,
  pinpoint    text NOT NULL,
  text        text NOT NULL,
  span_start  integer NOT NULL,
  span_end    integer NOT NULL,
  ngram_keys  int8[] NOT NULL,
  word_keys   int8[] NOT NULL,
  UNIQUE (document_id, ord)
);

-- GIN over the key arrays (overlap, &&). A publish is a bulk load: new keys go to GIN's pending
-- list (fast update) and `acquis publish` merges the list into the index when it is done
-- (gin_clean_pending_list), so readers do not scan a long pending list afterwards.
CREATE INDEX precedent_ngram_keys ON acquis.precedent USING gin (ngram_keys) WITH (fastupdate = on, gin_pending_list_limit = 32768);
CREATE INDEX precedent_word_keys ON acquis.precedent USING gin (word_keys) WITH (fastupdate = on, gin_pending_list_limit = 32768);
CREATE INDEX precedent_document ON acquis.precedent (document_id);

CREATE TABLE acquis.ngram_df (key int8 PRIMARY KEY, df integer NOT NULL);
CREATE TABLE acquis.word_df (key int8 PRIMARY KEY, df integer NOT NULL);

-- Totals readers need for IDF and the frequency cut-off, kept with the counts.
CREATE TABLE acquis.totals (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  documents  integer NOT NULL,
  precedents integer NOT NULL
);
INSERT INTO acquis.totals VALUES (true, 0, 0);
