-- Press search: every pair of adjacent folded syllables becomes one lexeme (`quang_tri`), so a
-- phrase is answered by the GIN index alone (no position recheck on the heap). Vietnamese words
-- are pairs of very common syllables: phrases of common syllables were the slow case.
-- New rows get the pairs from the application (press/search-query.ts syllablePairs, much faster
-- than SQL); this function cuts syllables the same way (runs of a-z and 0-9 in the folded text)
-- and fills the rows that exist when the migration runs.
CREATE OR REPLACE FUNCTION ttdn_syllable_pairs(input text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
    SELECT array_to_tsvector(coalesce(array_agg(a || '_' || b), '{}'))
    FROM (SELECT array_remove(regexp_split_to_array(input, '[^a-z0-9]+'), '') AS w) s,
         unnest(w[1:cardinality(w) - 1], w[2:]) AS u(a, b)
  $$;
--> statement-breakpoint
ALTER TABLE "press_articles" ADD COLUMN "search_pairs" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
UPDATE "press_articles" SET "search_pairs" = ttdn_syllable_pairs("folded_title") || ttdn_syllable_pairs(left("folded_text", 200000));--> statement-breakpoint
CREATE INDEX "press_articles_search_pairs_idx" ON "press_articles" USING gin ("search_pairs");--> statement-breakpoint
-- Pairs are many and their frequencies decide the plan (date index or GIN): keep statistics on 10,000 of them.
ALTER TABLE "press_articles" ALTER COLUMN "search_pairs" SET STATISTICS 1000;
