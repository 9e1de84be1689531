ALTER TABLE "acceptance_applications" ADD COLUMN "district_agrees" boolean;--> statement-breakpoint
ALTER TABLE "acceptance_applications" ADD COLUMN "district_opinion" text;--> statement-breakpoint
ALTER TABLE "acceptance_applications" ADD COLUMN "district_opinion_by" uuid;--> statement-breakpoint
ALTER TABLE "acceptance_applications" ADD COLUMN "district_opinion_at" timestamp with time zone;