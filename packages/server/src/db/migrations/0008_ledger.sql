CREATE TABLE "budget_cycles" (
	"city_id" text NOT NULL,
	"year" integer NOT NULL,
	"steps" jsonb NOT NULL,
	"performance_targets" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "budget_cycles_city_id_year_pk" PRIMARY KEY("city_id","year")
);
--> statement-breakpoint
CREATE TABLE "fund_pushes" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"field" text NOT NULL,
	"highlights" text NOT NULL,
	"projects" jsonb NOT NULL,
	"status" text NOT NULL,
	"pushed_by" uuid NOT NULL,
	"pushed_at" timestamp with time zone NOT NULL,
	"decisions" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fund_pushes_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
CREATE TABLE "ledger_postings" (
	"city_id" text NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_account" text NOT NULL,
	"to_account" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"year" integer NOT NULL,
	"project_id" uuid,
	"node" text,
	"payment_id" uuid,
	"idempotency_key" text NOT NULL,
	"request" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by" uuid NOT NULL,
	CONSTRAINT "ledger_postings_city_id_id_pk" PRIMARY KEY("city_id","id"),
	CONSTRAINT "ledger_postings_amount" CHECK ("ledger_postings"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"node" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"prepared_by" uuid NOT NULL,
	"prepared_at" timestamp with time zone NOT NULL,
	"note" text NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"paid_by" uuid,
	"paid_at" timestamp with time zone,
	"treasury_ref" text,
	"cancelled_by" uuid,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "payments_city_id_id_pk" PRIMARY KEY("city_id","id"),
	CONSTRAINT "payments_amount" CHECK ("payments"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "task_book_templates" (
	"city_id" text PRIMARY KEY NOT NULL,
	"terms" jsonb NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_books" (
	"city_id" text NOT NULL,
	"project_id" uuid NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"drawn_by" uuid NOT NULL,
	"drawn_at" timestamp with time zone NOT NULL,
	"unit_confirmed_by" uuid,
	"unit_confirmed_at" timestamp with time zone,
	"bureau_confirmed_by" uuid,
	"bureau_confirmed_at" timestamp with time zone,
	"scan" jsonb,
	"signed_on" text,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	CONSTRAINT "task_books_city_id_project_id_pk" PRIMARY KEY("city_id","project_id")
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "responsible_officer_id" uuid;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "verified_rd_fen" bigint;--> statement-breakpoint
ALTER TABLE "fund_pushes" ADD CONSTRAINT "fund_pushes_city_id_unit_id_units_city_id_id_fk" FOREIGN KEY ("city_id","unit_id") REFERENCES "public"."units"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_city_id_project_id_projects_city_id_id_fk" FOREIGN KEY ("city_id","project_id") REFERENCES "public"."projects"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_books" ADD CONSTRAINT "task_books_city_id_project_id_projects_city_id_id_fk" FOREIGN KEY ("city_id","project_id") REFERENCES "public"."projects"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fund_pushes_city_status" ON "fund_pushes" USING btree ("city_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_postings_key" ON "ledger_postings" USING btree ("city_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_postings_commit" ON "ledger_postings" USING btree ("city_id","project_id") WHERE "ledger_postings"."kind" = 'commit';--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_postings_node_paid" ON "ledger_postings" USING btree ("city_id","project_id","node") WHERE "ledger_postings"."kind" = 'pay';--> statement-breakpoint
CREATE INDEX "ledger_postings_year" ON "ledger_postings" USING btree ("city_id","year");--> statement-breakpoint
CREATE INDEX "ledger_postings_project" ON "ledger_postings" USING btree ("city_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_idempotency" ON "payments" USING btree ("city_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_live_node" ON "payments" USING btree ("city_id","project_id","node") WHERE "payments"."status" <> 'cancelled';