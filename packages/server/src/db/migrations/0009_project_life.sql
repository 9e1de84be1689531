CREATE TABLE "change_requests" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"reason" text NOT NULL,
	"status" text NOT NULL,
	"decider" text NOT NULL,
	"clause" text,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "change_requests_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "closure_returns" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"closure_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reference" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "closure_returns_city_id_id_pk" PRIMARY KEY("city_id","id"),
	CONSTRAINT "closure_returns_amount" CHECK ("closure_returns"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "project_closures" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ground" text NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"spent_fen" bigint,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"release_fen" bigint,
	"due_fen" bigint,
	"clause" text,
	CONSTRAINT "project_closures_city_id_id_pk" PRIMARY KEY("city_id","id"),
	CONSTRAINT "project_closures_amounts" CHECK ("project_closures"."spent_fen" >= 0 and "project_closures"."release_fen" >= 0 and "project_closures"."due_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "project_sanctions" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"authority" text NOT NULL,
	"from_date" date NOT NULL,
	"until_date" date,
	"reason" text NOT NULL,
	"clause" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"lifted_by" uuid,
	"lifted_at" timestamp with time zone,
	"lift_reason" text,
	CONSTRAINT "project_sanctions_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"cycle" integer NOT NULL,
	"kind" text NOT NULL,
	"department" text NOT NULL,
	"draw_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"result" text,
	"findings" text,
	"result_by" uuid,
	"result_at" timestamp with time zone,
	CONSTRAINT "inspections_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "spot_check_draws" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"cycle" integer NOT NULL,
	"algorithm" text NOT NULL,
	"seed" bigint NOT NULL,
	"rate_percent" integer NOT NULL,
	"eligible" jsonb NOT NULL,
	"drawn" jsonb NOT NULL,
	"drawn_by" uuid NOT NULL,
	"drawn_at" timestamp with time zone NOT NULL,
	CONSTRAINT "spot_check_draws_city_id_id_pk" PRIMARY KEY("city_id","id"),
	CONSTRAINT "spot_check_draws_seed" CHECK ("spot_check_draws"."seed" >= 0 and "spot_check_draws"."seed" < 4294967296)
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "closed_as" text;--> statement-breakpoint
ALTER TABLE "integrity_records" ADD COLUMN "origin_id" uuid;--> statement-breakpoint
ALTER TABLE "integrity_records" ADD COLUMN "lifted_by" uuid;--> statement-breakpoint
ALTER TABLE "integrity_records" ADD COLUMN "lifted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "integrity_records" ADD COLUMN "lift_reason" text;--> statement-breakpoint
ALTER TABLE "change_requests" ADD CONSTRAINT "change_requests_city_id_project_id_projects_city_id_id_fk" FOREIGN KEY ("city_id","project_id") REFERENCES "public"."projects"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closure_returns" ADD CONSTRAINT "closure_returns_city_id_closure_id_project_closures_city_id_id_fk" FOREIGN KEY ("city_id","closure_id") REFERENCES "public"."project_closures"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_closures" ADD CONSTRAINT "project_closures_city_id_project_id_projects_city_id_id_fk" FOREIGN KEY ("city_id","project_id") REFERENCES "public"."projects"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_sanctions" ADD CONSTRAINT "project_sanctions_city_id_project_id_projects_city_id_id_fk" FOREIGN KEY ("city_id","project_id") REFERENCES "public"."projects"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_city_id_project_id_projects_city_id_id_fk" FOREIGN KEY ("city_id","project_id") REFERENCES "public"."projects"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "change_requests_waiting" ON "change_requests" USING btree ("city_id","project_id","kind") WHERE "change_requests"."status" = 'requested';--> statement-breakpoint
CREATE UNIQUE INDEX "closure_returns_key" ON "closure_returns" USING btree ("city_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "project_closures_live" ON "project_closures" USING btree ("city_id","project_id") WHERE "project_closures"."status" in ('requested', 'decided');--> statement-breakpoint
CREATE INDEX "project_sanctions_project" ON "project_sanctions" USING btree ("city_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_once_per_cycle" ON "inspections" USING btree ("city_id","project_id","cycle");--> statement-breakpoint
CREATE UNIQUE INDEX "spot_check_draws_cycle" ON "spot_check_draws" USING btree ("city_id","cycle");--> statement-breakpoint
CREATE INDEX "integrity_origin" ON "integrity_records" USING btree ("city_id","origin_id");