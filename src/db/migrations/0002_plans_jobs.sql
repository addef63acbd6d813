CREATE TABLE "plan_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"parent_id" uuid,
	"source_task_id" uuid,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"content" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"time_label" text,
	"time_from" date,
	"time_to" date,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_plan_id" uuid,
	"org_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"kind" text DEFAULT 'KẾ HOẠCH' NOT NULL,
	"number" text,
	"number_code" text,
	"issuer" text,
	"place" text,
	"issued_on" date,
	"title" text NOT NULL,
	"year_from" smallint NOT NULL,
	"year_to" smallint NOT NULL,
	"signer" text,
	"signer_title" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"legal_bases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preamble" text,
	"objectives" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requirements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"budget" jsonb DEFAULT '{"text":"","sources":[]}'::jsonb NOT NULL,
	"implementation" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reporting" jsonb DEFAULT '{"deadlines":[],"adHoc":false,"text":[]}'::jsonb NOT NULL,
	"closing" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recipients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_filename" text,
	"source_text" text,
	"unparsed" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_orgs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer NOT NULL,
	"org_id" uuid,
	"group_key" text,
	"written_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"text" text NOT NULL,
	"min" integer NOT NULL,
	"indicator" text
);
--> statement-breakpoint
CREATE TABLE "job_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"leased_until" timestamp with time zone NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_parent_id_plan_tasks_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."plan_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_source_task_id_plan_tasks_id_fk" FOREIGN KEY ("source_task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_parent_plan_id_plans_id_fk" FOREIGN KEY ("parent_plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_orgs" ADD CONSTRAINT "task_orgs_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_orgs" ADD CONSTRAINT "task_orgs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_targets" ADD CONSTRAINT "task_targets_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_tasks_plan_idx" ON "plan_tasks" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "plan_tasks_source_idx" ON "plan_tasks" USING btree ("source_task_id");--> statement-breakpoint
CREATE INDEX "plans_parent_idx" ON "plans" USING btree ("parent_plan_id");--> statement-breakpoint
CREATE INDEX "plans_org_idx" ON "plans" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "plans_year_idx" ON "plans" USING btree ("year_from","year_to");--> statement-breakpoint
CREATE INDEX "task_orgs_task_idx" ON "task_orgs" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "task_orgs_org_idx" ON "task_orgs" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "task_targets_task_idx" ON "task_targets" USING btree ("task_id");