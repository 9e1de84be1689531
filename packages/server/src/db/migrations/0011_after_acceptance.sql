CREATE TABLE "rectifications" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid,
	"department" text NOT NULL,
	"issue" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"raised_by" uuid NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"response" text,
	"evidence" text,
	"reported_by" uuid,
	"reported_at" timestamp with time zone,
	"close_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "rectifications_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "subsidy_use_reports" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"status" text NOT NULL,
	"uses" jsonb NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "subsidy_use_reports_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "diligence_finding" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "diligence_found_by" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "diligence_found_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "acceptance_applications" ADD COLUMN "self_organised" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_city_id_project_id_projects_city_id_id_fk" FOREIGN KEY ("city_id","project_id") REFERENCES "public"."projects"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_use_reports" ADD CONSTRAINT "subsidy_use_reports_city_id_project_id_projects_city_id_id_fk" FOREIGN KEY ("city_id","project_id") REFERENCES "public"."projects"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_use_reports" ADD CONSTRAINT "subsidy_use_reports_city_id_payment_id_payments_city_id_id_fk" FOREIGN KEY ("city_id","payment_id") REFERENCES "public"."payments"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rectifications_project" ON "rectifications" USING btree ("city_id","project_id");--> statement-breakpoint
CREATE INDEX "rectifications_open" ON "rectifications" USING btree ("city_id","status","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_use_reports_payment" ON "subsidy_use_reports" USING btree ("city_id","payment_id");