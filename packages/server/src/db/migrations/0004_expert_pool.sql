CREATE TABLE "expert_profiles" (
	"city_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"disciplines" text[] NOT NULL,
	"keywords" text[] NOT NULL,
	"title" text NOT NULL,
	"region" text NOT NULL,
	"availability" jsonb NOT NULL,
	"phone" text,
	"email" text,
	"status" text DEFAULT 'active' NOT NULL,
	"suspension_reason" text,
	"suspended_at" timestamp with time zone,
	"suspended_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "expert_profiles_city_id_id_pk" PRIMARY KEY("city_id","id")
);
--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_city_id_cities_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."cities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_city_id_unit_id_units_city_id_id_fk" FOREIGN KEY ("city_id","unit_id") REFERENCES "public"."units"("city_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "expert_profiles_user" ON "expert_profiles" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "expert_profiles_city_unit" ON "expert_profiles" USING btree ("city_id","unit_id");--> statement-breakpoint
CREATE INDEX "expert_profiles_city_status" ON "expert_profiles" USING btree ("city_id","status");