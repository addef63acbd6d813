CREATE TABLE "plan_carry_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"source_plan_id" uuid,
	"position" integer NOT NULL,
	"task_id" uuid,
	"task_code" text,
	"code" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"role" text,
	"chain" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"candidates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"chosen_org_id" uuid,
	"needs_choice" boolean DEFAULT false NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid
);
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "carried_from_id" uuid;--> statement-breakpoint
ALTER TABLE "plan_carry_items" ADD CONSTRAINT "plan_carry_items_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_carry_items" ADD CONSTRAINT "plan_carry_items_source_plan_id_plans_id_fk" FOREIGN KEY ("source_plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_carry_items" ADD CONSTRAINT "plan_carry_items_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_carry_items" ADD CONSTRAINT "plan_carry_items_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_carry_items_plan_idx" ON "plan_carry_items" USING btree ("plan_id","position");--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_carried_from_id_plans_id_fk" FOREIGN KEY ("carried_from_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;