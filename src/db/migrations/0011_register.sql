CREATE TABLE "register_counters" (
	"org_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"series" text NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "register_counters_org_id_year_series_pk" PRIMARY KEY("org_id","year","series")
);
--> statement-breakpoint
CREATE TABLE "register_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"org_name" text NOT NULL,
	"year" smallint NOT NULL,
	"series" text NOT NULL,
	"serial" integer NOT NULL,
	"number" text NOT NULL,
	"kind_code" text NOT NULL,
	"issued_on" date NOT NULL,
	"summary" text NOT NULL,
	"signer" text,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"doc_type" text NOT NULL,
	"doc_id" uuid,
	"issued_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "register_entries_serial_uq" UNIQUE("org_id","year","series","serial"),
	CONSTRAINT "register_entries_doc_uq" UNIQUE("doc_type","doc_id")
);
--> statement-breakpoint
ALTER TABLE "consolidated_reports" ADD COLUMN "issued_on" date;--> statement-breakpoint
CREATE INDEX "register_entries_org_year_idx" ON "register_entries" USING btree ("org_id","year");--> statement-breakpoint
-- The register's keys to the directory and the accounts, first written here by hand; register.tables.ts declares them since the orgs and auth doors exist.
ALTER TABLE "register_counters" ADD CONSTRAINT "register_counters_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_entries" ADD CONSTRAINT "register_entries_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
