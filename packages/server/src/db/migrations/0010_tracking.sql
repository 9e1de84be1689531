CREATE TABLE "acceptance_applications" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"settled_fen" bigint NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"grade" text,
	"regrade" text,
	"regrade_reason" text,
	"regraded_by" uuid,
	"regraded_at" timestamp with time zone,
	CONSTRAINT "acceptance_applications_city_id_id_pk" PRIMARY KEY("city_id","id"),
	CONSTRAINT "acceptance_applications_settled" CHECK ("acceptance_applications"."settled_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "assessment_sheets" (
	"city_id" text NOT NULL,
	"assessment_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"scores" jsonb,
	"comment" text,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "assessment_sheets_city_id_assessment_id_expert_id_pk" PRIMARY KEY("city_id","assessment_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"rules" jsonb NOT NULL,
	"convened_by" uuid NOT NULL,
	"convened_at" timestamp with time zone NOT NULL,
	"mean_score" integer,
	"concluded_by" uuid,
	"concluded_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "assessments_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "progress_reminders" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"period" integer NOT NULL,
	"sent_on" date NOT NULL,
	"sent_by" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "progress_reminders_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"period" integer NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"variances" jsonb NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "progress_reports_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
ALTER TABLE "acceptance_applications" ADD CONSTRAINT "acceptance_applications_city_id_project_id_projects_city_id_id_fk" FOREIGN KEY ("city_id","project_id") REFERENCES "public"."projects"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_sheets" ADD CONSTRAINT "assessment_sheets_city_id_assessment_id_assessments_city_id_id_fk" FOREIGN KEY ("city_id","assessment_id") REFERENCES "public"."assessments"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_sheets" ADD CONSTRAINT "assessment_sheets_city_id_expert_id_expert_profiles_city_id_id_fk" FOREIGN KEY ("city_id","expert_id") REFERENCES "public"."expert_profiles"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_city_id_project_id_projects_city_id_id_fk" FOREIGN KEY ("city_id","project_id") REFERENCES "public"."projects"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reminders" ADD CONSTRAINT "progress_reminders_city_id_project_id_projects_city_id_id_fk" FOREIGN KEY ("city_id","project_id") REFERENCES "public"."projects"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_city_id_project_id_projects_city_id_id_fk" FOREIGN KEY ("city_id","project_id") REFERENCES "public"."projects"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "acceptance_applications_project" ON "acceptance_applications" USING btree ("city_id","project_id");--> statement-breakpoint
CREATE INDEX "assessment_sheets_expert" ON "assessment_sheets" USING btree ("city_id","expert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_live" ON "assessments" USING btree ("city_id","project_id","kind") WHERE "assessments"."status" in ('convened', 'passed', 'failed');--> statement-breakpoint
CREATE UNIQUE INDEX "progress_reminders_daily" ON "progress_reminders" USING btree ("city_id","project_id","period","sent_on");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_reports_period" ON "progress_reports" USING btree ("city_id","project_id","period");