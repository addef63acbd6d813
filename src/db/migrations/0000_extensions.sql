-- Extensions and helper functions every later migration may use.
-- PGlite must be opened with the same extensions (src/db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- unaccent() is STABLE, not IMMUTABLE: indexes go through this wrapper.
CREATE OR REPLACE FUNCTION ttdn_fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, replace(replace(input, 'Đ', 'D'), 'đ', 'd'))) $$;
