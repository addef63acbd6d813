CREATE TABLE "press_alert_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'article' NOT NULL,
	"topic_id" uuid,
	"tone" text,
	"min_outlet_weight" integer,
	"spike_factor" real,
	"spike_window_hours" integer,
	"spike_min_count" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "press_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" uuid NOT NULL,
	"dedup_key" text NOT NULL,
	"kind" text NOT NULL,
	"article_id" uuid,
	"story_id" uuid,
	"topic_id" uuid,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid
);
--> statement-breakpoint
CREATE TABLE "press_article_bands" (
	"band_key" text NOT NULL,
	"article_id" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "press_article_bands_band_key_article_id_pk" PRIMARY KEY("band_key","article_id")
);
--> statement-breakpoint
CREATE TABLE "press_article_topics" (
	"article_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"terms" text[] NOT NULL,
	"hits" jsonb NOT NULL,
	CONSTRAINT "press_article_topics_article_id_topic_id_pk" PRIMARY KEY("article_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "press_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_id" uuid,
	"story_id" uuid,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"html" text,
	"author" text,
	"outlet" text,
	"url" text,
	"canonical_url" text,
	"published_at" timestamp with time zone NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"language" text NOT NULL,
	"country" text,
	"tone" text NOT NULL,
	"tone_scored" text NOT NULL,
	"tone_score" real DEFAULT 0 NOT NULL,
	"tone_evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tone_corrected_by" uuid,
	"tone_corrected_at" timestamp with time zone,
	"content_hash" text NOT NULL,
	"signature" jsonb NOT NULL,
	"title_key" text,
	"entry" text DEFAULT 'feed' NOT NULL,
	"folded_title" text NOT NULL,
	"folded_text" text NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, folded_title), 'A') || setweight(to_tsvector('simple'::regconfig, left(folded_text, 200000)), 'B')) STORED NOT NULL,
	CONSTRAINT "press_articles_canonical_url_unique" UNIQUE("canonical_url")
);
--> statement-breakpoint
CREATE TABLE "press_case_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "press_case_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "press_case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "press_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"article_id" uuid,
	"story_id" uuid,
	"alert_id" uuid,
	"status" text DEFAULT 'new' NOT NULL,
	"org_id" uuid,
	"deadline" date,
	"summary" text DEFAULT '' NOT NULL,
	"argument" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "press_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"language" text DEFAULT 'vi' NOT NULL,
	"country" text DEFAULT 'VN' NOT NULL,
	"weight" integer DEFAULT 3 NOT NULL,
	"interval_minutes" integer DEFAULT 60 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"etag" text,
	"last_modified" text,
	"last_body_hash" text,
	"health" text DEFAULT 'unknown' NOT NULL,
	"last_error" text,
	"last_error_code" text,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"last_fetched_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"next_poll_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"claimed_by" text,
	"article_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "press_sources_url_unique" UNIQUE("url")
);
--> statement-breakpoint
CREATE TABLE "press_stories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"appearances" integer DEFAULT 1 NOT NULL,
	"first_published_at" timestamp with time zone,
	"last_published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "press_tone_corrections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"article_id" uuid,
	"language" text NOT NULL,
	"from_tone" text NOT NULL,
	"to_tone" text NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"corrected_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "press_topic_followers" (
	"topic_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "press_topic_followers_topic_id_user_id_pk" PRIMARY KEY("topic_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "press_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text,
	"name" text NOT NULL,
	"terms" text[] DEFAULT '{}'::text[] NOT NULL,
	"exclude" text[] DEFAULT '{}'::text[] NOT NULL,
	"ignore_within" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "press_topics_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "press_alert_rules" ADD CONSTRAINT "press_alert_rules_topic_id_press_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."press_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_alerts" ADD CONSTRAINT "press_alerts_rule_id_press_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."press_alert_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_alerts" ADD CONSTRAINT "press_alerts_article_id_press_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."press_articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_alerts" ADD CONSTRAINT "press_alerts_story_id_press_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."press_stories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_alerts" ADD CONSTRAINT "press_alerts_topic_id_press_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."press_topics"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_alerts" ADD CONSTRAINT "press_alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_article_bands" ADD CONSTRAINT "press_article_bands_article_id_press_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."press_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_article_topics" ADD CONSTRAINT "press_article_topics_article_id_press_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."press_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_article_topics" ADD CONSTRAINT "press_article_topics_topic_id_press_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."press_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_articles" ADD CONSTRAINT "press_articles_source_id_press_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."press_sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_articles" ADD CONSTRAINT "press_articles_story_id_press_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."press_stories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_articles" ADD CONSTRAINT "press_articles_tone_corrected_by_users_id_fk" FOREIGN KEY ("tone_corrected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_case_attachments" ADD CONSTRAINT "press_case_attachments_case_id_press_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."press_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_case_comments" ADD CONSTRAINT "press_case_comments_case_id_press_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."press_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_case_events" ADD CONSTRAINT "press_case_events_case_id_press_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."press_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_cases" ADD CONSTRAINT "press_cases_article_id_press_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."press_articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_cases" ADD CONSTRAINT "press_cases_story_id_press_stories_id_fk" FOREIGN KEY ("story_id") REFERENCES "public"."press_stories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_cases" ADD CONSTRAINT "press_cases_alert_id_press_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."press_alerts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_cases" ADD CONSTRAINT "press_cases_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_cases" ADD CONSTRAINT "press_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_tone_corrections" ADD CONSTRAINT "press_tone_corrections_article_id_press_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."press_articles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_tone_corrections" ADD CONSTRAINT "press_tone_corrections_corrected_by_users_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_topic_followers" ADD CONSTRAINT "press_topic_followers_topic_id_press_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."press_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "press_topic_followers" ADD CONSTRAINT "press_topic_followers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "press_alerts_rule_dedup_idx" ON "press_alerts" USING btree ("rule_id","dedup_key");--> statement-breakpoint
CREATE INDEX "press_alerts_created_idx" ON "press_alerts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "press_article_bands_article_idx" ON "press_article_bands" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "press_article_topics_topic_idx" ON "press_article_topics" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "press_articles_search_idx" ON "press_articles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "press_articles_published_idx" ON "press_articles" USING btree ("published_at");--> statement-breakpoint
CREATE INDEX "press_articles_story_idx" ON "press_articles" USING btree ("story_id");--> statement-breakpoint
CREATE INDEX "press_articles_source_idx" ON "press_articles" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "press_articles_outlet_idx" ON "press_articles" USING btree ("outlet","published_at");--> statement-breakpoint
CREATE INDEX "press_articles_hash_idx" ON "press_articles" USING btree ("content_hash");--> statement-breakpoint
CREATE INDEX "press_articles_title_key_idx" ON "press_articles" USING btree ("title_key");--> statement-breakpoint
CREATE INDEX "press_case_attachments_case_idx" ON "press_case_attachments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "press_case_comments_case_idx" ON "press_case_comments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "press_case_events_case_idx" ON "press_case_events" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "press_cases_status_idx" ON "press_cases" USING btree ("status");--> statement-breakpoint
CREATE INDEX "press_cases_org_idx" ON "press_cases" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "press_sources_due_idx" ON "press_sources" USING btree ("next_poll_at") WHERE "press_sources"."active";--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");