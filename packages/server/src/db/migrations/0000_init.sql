CREATE TABLE "application_events" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"revision" integer NOT NULL,
	"actor_id" uuid NOT NULL,
	"actor_role" text,
	"reason" text,
	"details" jsonb,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "application_events_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "application_revisions" (
	"city_id" text NOT NULL,
	"application_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "application_revisions_city_id_application_id_revision_pk" PRIMARY KEY("city_id","application_id","revision")
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"guide_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"district_code" text NOT NULL,
	"pi_user_id" uuid,
	"created_by" uuid NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"requested_fen" bigint NOT NULL,
	"content" jsonb NOT NULL,
	"revision" integer NOT NULL,
	"commitment" jsonb NOT NULL,
	"district_rank" integer,
	"return_deadline" timestamp with time zone,
	"policy_version" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "applications_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"code" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attachments_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "dedup_decisions" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"match_id" uuid NOT NULL,
	"similarity_bp" integer NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dedup_decisions_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"chain_pos" bigint,
	"at" timestamp (3) with time zone NOT NULL,
	"city_id" text,
	"actor_id" text,
	"actor_username" text,
	"actor_role" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"ip" text,
	"prev_hash" text,
	"hash" text
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"guide_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name_zh" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	CONSTRAINT "calls_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "guides" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"policy_version" text NOT NULL,
	"program" text NOT NULL,
	"year" integer NOT NULL,
	"title_zh" text NOT NULL,
	"content" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "guides_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"field" text NOT NULL,
	"problem" text NOT NULL,
	"expected_indicators" text NOT NULL,
	"co_funding_fen" bigint NOT NULL,
	"submitter_user_id" uuid,
	"submitter_name" text NOT NULL,
	"submitter_contact" text NOT NULL,
	"status" text NOT NULL,
	"merged_into" uuid,
	"decision_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "needs_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_roles_user_id_role_pk" PRIMARY KEY("user_id","role")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"city_id" text,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"district_code" text,
	"unit_id" uuid,
	"id_number_cipher" text,
	"id_number_digest" text,
	"id_number_masked" text,
	"status" text DEFAULT 'active' NOT NULL,
	"is_demo" integer DEFAULT 0 NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrity_records" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"unit_id" uuid,
	"person_digest" text,
	"person_name" text,
	"kind" text NOT NULL,
	"from_date" date NOT NULL,
	"until_date" date,
	"reason" text NOT NULL,
	"clause" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "integrity_records_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"title_zh" text NOT NULL,
	"title_en" text NOT NULL,
	"link" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "cities" (
	"id" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"division_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "districts" (
	"city_id" text NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "districts_city_id_code_pk" PRIMARY KEY("city_id","code")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"uscc" text NOT NULL,
	"name_zh" text NOT NULL,
	"kind" text NOT NULL,
	"district_code" text NOT NULL,
	"legal_representative" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_city_id_id_pk" PRIMARY KEY("city_id","id"),
	CONSTRAINT "units_city_uscc" UNIQUE("city_id","uscc")
);
--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_city_id_application_id_applications_city_id_id_fk" FOREIGN KEY ("city_id","application_id") REFERENCES "public"."applications"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_revisions" ADD CONSTRAINT "application_revisions_city_id_application_id_applications_city_id_id_fk" FOREIGN KEY ("city_id","application_id") REFERENCES "public"."applications"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_city_id_call_id_calls_city_id_id_fk" FOREIGN KEY ("city_id","call_id") REFERENCES "public"."calls"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_city_id_unit_id_units_city_id_id_fk" FOREIGN KEY ("city_id","unit_id") REFERENCES "public"."units"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_city_id_application_id_applications_city_id_id_fk" FOREIGN KEY ("city_id","application_id") REFERENCES "public"."applications"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dedup_decisions" ADD CONSTRAINT "dedup_decisions_city_id_application_id_applications_city_id_id_fk" FOREIGN KEY ("city_id","application_id") REFERENCES "public"."applications"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_city_id_guide_id_guides_city_id_id_fk" FOREIGN KEY ("city_id","guide_id") REFERENCES "public"."guides"("city_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guides" ADD CONSTRAINT "guides_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "needs" ADD CONSTRAINT "needs_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_city_id_unit_id_units_city_id_id_fk" FOREIGN KEY ("city_id","unit_id") REFERENCES "public"."units"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "districts" ADD CONSTRAINT "districts_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_city_id_district_code_districts_city_id_code_fk" FOREIGN KEY ("city_id","district_code") REFERENCES "public"."districts"("city_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_events_app" ON "application_events" USING btree ("city_id","application_id","at");--> statement-breakpoint
CREATE INDEX "applications_city_call_status" ON "applications" USING btree ("city_id","call_id","status");--> statement-breakpoint
CREATE INDEX "applications_city_district" ON "applications" USING btree ("city_id","district_code","status");--> statement-breakpoint
CREATE INDEX "applications_city_unit" ON "applications" USING btree ("city_id","unit_id");--> statement-breakpoint
CREATE INDEX "attachments_app" ON "attachments" USING btree ("city_id","application_id");--> statement-breakpoint
CREATE INDEX "dedup_decisions_app" ON "dedup_decisions" USING btree ("city_id","application_id");--> statement-breakpoint
CREATE INDEX "audit_city_at" ON "audit_log" USING btree ("city_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_chain_pos" ON "audit_log" USING btree ("chain_pos");--> statement-breakpoint
CREATE INDEX "calls_city_guide" ON "calls" USING btree ("city_id","guide_id");--> statement-breakpoint
CREATE INDEX "guides_city_status" ON "guides" USING btree ("city_id","status");--> statement-breakpoint
CREATE INDEX "needs_city_status" ON "needs" USING btree ("city_id","status");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username" ON "users" USING btree ("username");--> statement-breakpoint
CREATE INDEX "users_city_unit" ON "users" USING btree ("city_id","unit_id");--> statement-breakpoint
CREATE INDEX "users_city_district" ON "users" USING btree ("city_id","district_code");--> statement-breakpoint
CREATE INDEX "integrity_unit" ON "integrity_records" USING btree ("city_id","unit_id");--> statement-breakpoint
CREATE INDEX "integrity_person" ON "integrity_records" USING btree ("city_id","person_digest");--> statement-breakpoint
CREATE INDEX "notifications_user" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "units_city_district" ON "units" USING btree ("city_id","district_code");