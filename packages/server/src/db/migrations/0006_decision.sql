CREATE TABLE "budget_control_numbers" (
	"city_id" text NOT NULL,
	"year" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"doc_number" text NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "budget_control_numbers_city_id_year_pk" PRIMARY KEY("city_id","year")
);
--> statement-breakpoint
CREATE TABLE "challenge_bids" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"leader_name" text NOT NULL,
	"approach" text NOT NULL,
	"status" text NOT NULL,
	"negotiation" jsonb,
	"amount_fen" bigint,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "challenge_bids_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "directed_commissions" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"program" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"basis" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"policy_version" text NOT NULL,
	"notice_started_at" timestamp with time zone,
	"notice_ends_at" timestamp with time zone,
	"approved_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "directed_commissions_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"name" text NOT NULL,
	"contact" text NOT NULL,
	"content" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	CONSTRAINT "objections_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "open_challenges" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"program" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"requirements" text NOT NULL,
	"technical_indicators" text NOT NULL,
	"performance_targets" text NOT NULL,
	"government_funding_fen" bigint NOT NULL,
	"enterprise_co_funding_fen" bigint NOT NULL,
	"demand_unit_id" uuid NOT NULL,
	"bid_deadline" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"policy_version" text NOT NULL,
	"notice_started_at" timestamp with time zone,
	"notice_ends_at" timestamp with time zone,
	"agreement" jsonb,
	"announced_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "open_challenges_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "project_number_counters" (
	"city_id" text NOT NULL,
	"year" integer NOT NULL,
	"number_code" text NOT NULL,
	"next" integer NOT NULL,
	CONSTRAINT "project_number_counters_city_id_year_number_code_pk" PRIMARY KEY("city_id","year","number_code")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"origin" text NOT NULL,
	"application_id" uuid,
	"call_id" uuid,
	"list_id" uuid,
	"commission_id" uuid,
	"challenge_id" uuid,
	"program" text NOT NULL,
	"year" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"pi_user_id" uuid,
	"title" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"pi_youth" boolean,
	"policy_version" text NOT NULL,
	"approved_on" date NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"grade" text,
	CONSTRAINT "projects_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "proposed_list_entries" (
	"city_id" text NOT NULL,
	"list_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"rank" integer,
	"mean" integer,
	"decision" text NOT NULL,
	"reserve_order" integer,
	"departure_reason" text,
	"amount_fen" bigint NOT NULL,
	"max_fen" bigint NOT NULL,
	"pi_youth" boolean,
	"notice_started_at" timestamp with time zone,
	"notice_ends_at" timestamp with time zone,
	"change_note" text,
	CONSTRAINT "proposed_list_entries_city_id_list_id_application_id_pk" PRIMARY KEY("city_id","list_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "proposed_lists" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"program" text NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"steps" jsonb NOT NULL,
	"policy_version" text NOT NULL,
	"over_cap_reason" text,
	"youth_share_reason" text,
	"collective_decision" jsonb,
	"leader_approval" jsonb,
	"city_government" jsonb,
	"returned" jsonb,
	"notice_started_at" timestamp with time zone,
	"notice_ends_at" timestamp with time zone,
	"notice_uncovered_years" integer[],
	"co_sign" jsonb,
	"issued_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "proposed_lists_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
ALTER TABLE "challenge_bids" ADD CONSTRAINT "challenge_bids_city_id_challenge_id_open_challenges_city_id_id_fk" FOREIGN KEY ("city_id","challenge_id") REFERENCES "public"."open_challenges"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_bids" ADD CONSTRAINT "challenge_bids_city_id_unit_id_units_city_id_id_fk" FOREIGN KEY ("city_id","unit_id") REFERENCES "public"."units"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directed_commissions" ADD CONSTRAINT "directed_commissions_city_id_unit_id_units_city_id_id_fk" FOREIGN KEY ("city_id","unit_id") REFERENCES "public"."units"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_city_id_list_id_proposed_lists_city_id_id_fk" FOREIGN KEY ("city_id","list_id") REFERENCES "public"."proposed_lists"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open_challenges" ADD CONSTRAINT "open_challenges_city_id_demand_unit_id_units_city_id_id_fk" FOREIGN KEY ("city_id","demand_unit_id") REFERENCES "public"."units"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_city_id_application_id_applications_city_id_id_fk" FOREIGN KEY ("city_id","application_id") REFERENCES "public"."applications"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposed_list_entries" ADD CONSTRAINT "proposed_list_entries_city_id_list_id_proposed_lists_city_id_id_fk" FOREIGN KEY ("city_id","list_id") REFERENCES "public"."proposed_lists"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposed_list_entries" ADD CONSTRAINT "proposed_list_entries_city_id_application_id_applications_city_id_id_fk" FOREIGN KEY ("city_id","application_id") REFERENCES "public"."applications"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposed_lists" ADD CONSTRAINT "proposed_lists_city_id_call_id_calls_city_id_id_fk" FOREIGN KEY ("city_id","call_id") REFERENCES "public"."calls"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "challenge_bids_unit_once" ON "challenge_bids" USING btree ("city_id","challenge_id","unit_id");--> statement-breakpoint
CREATE INDEX "directed_commissions_city_status" ON "directed_commissions" USING btree ("city_id","status");--> statement-breakpoint
CREATE INDEX "objections_list" ON "objections" USING btree ("city_id","list_id");--> statement-breakpoint
CREATE INDEX "open_challenges_city_status" ON "open_challenges" USING btree ("city_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_number" ON "projects" USING btree ("city_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_application" ON "projects" USING btree ("city_id","application_id");--> statement-breakpoint
CREATE INDEX "projects_city_year_program" ON "projects" USING btree ("city_id","year","program");--> statement-breakpoint
CREATE INDEX "projects_city_unit" ON "projects" USING btree ("city_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposed_lists_call" ON "proposed_lists" USING btree ("city_id","call_id");--> statement-breakpoint
CREATE INDEX "proposed_lists_city_status" ON "proposed_lists" USING btree ("city_id","status");