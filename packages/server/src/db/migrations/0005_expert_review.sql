CREATE TABLE "horse_races" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"application_ids" uuid[] NOT NULL,
	"routes_differ" boolean NOT NULL,
	"reason" text NOT NULL,
	"marked_by" uuid NOT NULL,
	"marked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "horse_races_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "review_assignments" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"expert_unit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"affinity_milli" integer NOT NULL,
	"origin" text NOT NULL,
	"override_reason" text,
	"replaces_id" uuid,
	"decline_reason" text,
	"decline_note" text,
	"sheet" jsonb,
	"total" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"last_reminded_at" timestamp with time zone,
	CONSTRAINT "review_assignments_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "review_commitments" (
	"city_id" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"text_zh" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_commitments_city_id_plan_id_expert_id_pk" PRIMARY KEY("city_id","plan_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "review_entrustments" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agency_name" text NOT NULL,
	"call_ids" uuid[] NOT NULL,
	"period_from" date NOT NULL,
	"period_until" date NOT NULL,
	"scope" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_entrustments_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "review_items" (
	"city_id" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"panel_index" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "review_items_city_id_plan_id_application_id_pk" PRIMARY KEY("city_id","plan_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "review_plans" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"guide_id" uuid NOT NULL,
	"program" text NOT NULL,
	"organiser" text NOT NULL,
	"entrustment_id" uuid,
	"status" text NOT NULL,
	"settings" jsonb NOT NULL,
	"criteria" jsonb NOT NULL,
	"solution" jsonb,
	"policy_version" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_plans_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "review_relations" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"declared_by" text NOT NULL,
	"expert_id" uuid,
	"application_id" uuid,
	"unit_id" uuid,
	"id_number_digest" text,
	"person_name" text,
	"id_number_masked" text,
	"note" text NOT NULL,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "review_relations_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "site_visits" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"members" text[] NOT NULL,
	"findings" text NOT NULL,
	"result" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "site_visits_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD COLUMN "former_units" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_city_id_plan_id_review_plans_city_id_id_fk" FOREIGN KEY ("city_id","plan_id") REFERENCES "public"."review_plans"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_assignments" ADD CONSTRAINT "review_assignments_city_id_expert_id_expert_profiles_city_id_id_fk" FOREIGN KEY ("city_id","expert_id") REFERENCES "public"."expert_profiles"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_city_id_plan_id_review_plans_city_id_id_fk" FOREIGN KEY ("city_id","plan_id") REFERENCES "public"."review_plans"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_city_id_application_id_applications_city_id_id_fk" FOREIGN KEY ("city_id","application_id") REFERENCES "public"."applications"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_plans" ADD CONSTRAINT "review_plans_city_id_call_id_calls_city_id_id_fk" FOREIGN KEY ("city_id","call_id") REFERENCES "public"."calls"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "horse_races_plan" ON "horse_races" USING btree ("city_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_assignments_expert_once" ON "review_assignments" USING btree ("city_id","application_id","expert_id") WHERE status in ('proposed', 'invited', 'accepted', 'submitted');--> statement-breakpoint
CREATE UNIQUE INDEX "review_assignments_unit_once" ON "review_assignments" USING btree ("city_id","application_id","expert_unit_id") WHERE status in ('proposed', 'invited', 'accepted', 'submitted');--> statement-breakpoint
CREATE INDEX "review_assignments_plan" ON "review_assignments" USING btree ("city_id","plan_id","status");--> statement-breakpoint
CREATE INDEX "review_assignments_expert" ON "review_assignments" USING btree ("city_id","expert_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "review_plans_call" ON "review_plans" USING btree ("city_id","call_id");--> statement-breakpoint
CREATE INDEX "review_relations_expert" ON "review_relations" USING btree ("city_id","expert_id");--> statement-breakpoint
CREATE INDEX "review_relations_application" ON "review_relations" USING btree ("city_id","application_id");--> statement-breakpoint
CREATE INDEX "site_visits_plan" ON "site_visits" USING btree ("city_id","plan_id");