CREATE TABLE "joint_topics" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"program" text NOT NULL,
	"year" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"expected_outcome" text NOT NULL,
	"enterprise_funding_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"policy_version" text NOT NULL,
	"assessment" jsonb,
	"priority" integer,
	"listing" jsonb,
	"laboratory_id" uuid,
	"proposal" jsonb,
	"committee" jsonb,
	"bureau_approval" jsonb,
	"laboratory_approval" jsonb,
	"declined" jsonb,
	"outcome" jsonb,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "joint_topics_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
ALTER TABLE "open_challenges" ADD COLUMN "city_government" jsonb;--> statement-breakpoint
ALTER TABLE "open_challenges" ADD COLUMN "co_sign" jsonb;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "joint_topic_id" uuid;--> statement-breakpoint
ALTER TABLE "joint_topics" ADD CONSTRAINT "joint_topics_city_id_unit_id_units_city_id_id_fk" FOREIGN KEY ("city_id","unit_id") REFERENCES "public"."units"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_topics" ADD CONSTRAINT "joint_topics_city_id_laboratory_id_units_city_id_id_fk" FOREIGN KEY ("city_id","laboratory_id") REFERENCES "public"."units"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "joint_topics_city_year_status" ON "joint_topics" USING btree ("city_id","year","status");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_joint_topic" ON "projects" USING btree ("city_id","joint_topic_id");