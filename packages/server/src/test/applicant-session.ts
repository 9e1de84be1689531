import { afterAll, beforeAll } from "vitest";
import { type Client, createTestApp, type TestApp } from "./test-app.ts";

// The preamble of the application API tests, apart from application-fixtures.ts so that what imports
// only the content and the PDF (the e2e tests) does not load the server's test app.

/** A test file's app, its Luoyang PI and unit administrator, and the first guide the PI sees with its first call. */
export interface ApplicantSession {
  t: TestApp;
  pi: Client;
  unit: Client;
  guideId: string;
  callId: string;
}

/**
 * Opens the app before the file's tests (beforeAll) and closes it after them (afterAll). The fields
 * are set once beforeAll has run: read them inside tests, hooks and the helpers they call.
 */
export function applicantSession(): ApplicantSession {
  const s = {} as ApplicantSession;
  beforeAll(async () => {
    s.t = await createTestApp();
    s.pi = await s.t.as("ly-pi");
    s.unit = await s.t.as("ly-unit");
    const guide = (await s.pi.get("/api/guides")).body.items[0];
    s.guideId = guide.id;
    s.callId = guide.calls[0].id;
  });
  afterAll(() => s.t.close());
  return s;
}
