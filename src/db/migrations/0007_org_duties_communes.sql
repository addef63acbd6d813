ALTER TABLE "org_groups" ADD COLUMN "valid_to" date;--> statement-breakpoint
ALTER TABLE "org_groups" ADD COLUMN "successor_key" text;--> statement-breakpoint
ALTER TABLE "org_successors" ADD COLUMN "duties" text[] DEFAULT '{all}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "admin_code" text;--> statement-breakpoint
ALTER TABLE "orgs" ADD CONSTRAINT "orgs_admin_code_unique" UNIQUE("admin_code");--> statement-breakpoint
UPDATE "org_groups" SET "valid_to" = '2025-06-30', "successor_key" = 'communes' WHERE "key" = 'districts';--> statement-breakpoint
INSERT INTO "org_groups" ("key", "name", "phrases", "kinds", "open")
SELECT 'communes', 'UBND các xã, phường, đặc khu',
  ARRAY['ubnd các xã, phường, đặc khu', 'ủy ban nhân dân các xã, phường, đặc khu', 'ubnd các xã, phường', 'ủy ban nhân dân các xã, phường', 'ubnd cấp xã', 'ủy ban nhân dân cấp xã', 'các xã, phường, đặc khu', 'các xã, phường'],
  ARRAY['commune'], false
WHERE EXISTS (SELECT 1 FROM "org_groups" WHERE "key" = 'districts')
ON CONFLICT ("key") DO NOTHING;
