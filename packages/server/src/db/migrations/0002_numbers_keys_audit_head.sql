CREATE TABLE "audit_chain_head" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"pos" bigint NOT NULL,
	"hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "audit_chain_head_single_row" CHECK ("audit_chain_head"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "application_number_counters" (
	"city_id" text NOT NULL,
	"year" integer NOT NULL,
	"program" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "application_number_counters_city_id_year_program_pk" PRIMARY KEY("city_id","year","program")
);
--> statement-breakpoint
CREATE TABLE "instance_settings" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "number_program" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "number_year" integer;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "number_seq" integer;--> statement-breakpoint
-- Existing applications are numbered in the order they were created, per city, program and year (China Standard Time, UTC+8 all year).
UPDATE "applications" a SET "number_program" = n.program, "number_year" = n.year, "number_seq" = n.seq
FROM (
	SELECT a2.city_id, a2.id, g.program,
		extract(year from (a2.created_at at time zone 'UTC') + interval '8 hours')::integer AS year,
		row_number() OVER (
			PARTITION BY a2.city_id, g.program, extract(year from (a2.created_at at time zone 'UTC') + interval '8 hours')
			ORDER BY a2.created_at, a2.id
		)::integer AS seq
	FROM "applications" a2 JOIN "guides" g ON g.city_id = a2.city_id AND g.id = a2.guide_id
) n
WHERE a.city_id = n.city_id AND a.id = n.id;--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "number_program" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "number_year" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "number_seq" SET NOT NULL;--> statement-breakpoint
INSERT INTO "application_number_counters" ("city_id", "year", "program", "last")
SELECT "city_id", "number_year", "number_program", max("number_seq") FROM "applications"
GROUP BY "city_id", "number_year", "number_program";--> statement-breakpoint
-- The head starts where the chain already is; from now on positions come only from here.
INSERT INTO "audit_chain_head" ("id", "pos", "hash", "at")
SELECT 1, "chain_pos", "hash", now() FROM "audit_log" WHERE "chain_pos" IS NOT NULL ORDER BY "chain_pos" DESC LIMIT 1;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "signature" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "application_number_counters" ADD CONSTRAINT "application_number_counters_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_number" ON "applications" USING btree ("city_id","number_program","number_year","number_seq");--> statement-breakpoint
-- Guessing is now slowed per account and address (rate_limits), never by locking the account.
ALTER TABLE "users" DROP COLUMN "failed_logins";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";