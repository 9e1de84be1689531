ALTER TABLE "guides" ADD COLUMN "co_issued_by" uuid;--> statement-breakpoint
ALTER TABLE "guides" ADD COLUMN "co_issued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "guides" ADD COLUMN "cap_override_reason" text;--> statement-breakpoint
ALTER TABLE "guides" ADD COLUMN "cap_override_by" uuid;--> statement-breakpoint
ALTER TABLE "guides" ADD COLUMN "cap_override_at" timestamp with time zone;