-- Word frequencies over paragraphs (a document's pinpoint: all its sentences together), as
-- precedent.voted weighs the rarity of words over the whole acquis (rules/precedent-weight.ts).
-- A reader's working acquis holds only the retrieved candidates; these counts let it weigh words
-- as the same documents in a folder would. Kept by `acquis publish` in the batch's transaction.

CREATE TABLE acquis.word_paragraph_df (key int8 PRIMARY KEY, df integer NOT NULL);

ALTER TABLE acquis.totals ADD COLUMN paragraphs integer NOT NULL DEFAULT 0;
-- One more with every published batch: readers that keep counts in memory know when to drop them.
ALTER TABLE acquis.totals ADD COLUMN generation bigint NOT NULL DEFAULT 0;

INSERT INTO acquis.word_paragraph_df (key, df)
SELECT k, count(*)::int
FROM (SELECT DISTINCT p.document_id, p.pinpoint, k FROM acquis.precedent p, unnest(p.word_keys) AS k) AS x
GROUP BY k;

UPDATE acquis.totals SET paragraphs = (SELECT count(*) FROM (SELECT DISTINCT document_id, pinpoint FROM acquis.precedent) AS x);

-- Publishing is a bulk load: with GIN's fast update on, new keys pile up in a pending list that
-- every reader scans until it is merged (INTEROP.md). Off, each batch's keys go straight into the
-- index, inside the batch's transaction.
ALTER INDEX acquis.precedent_ngram_keys SET (fastupdate = off);
ALTER INDEX acquis.precedent_word_keys SET (fastupdate = off);
