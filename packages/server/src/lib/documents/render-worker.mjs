// A render worker thread: runs one document of renderers.ts per task, off the request thread.
// Worker threads start without the main thread's TypeScript loader (tsx under `npm start`, vite's
// under vitest), so this file is plain JavaScript and registers tsx before loading the renderers.
import { register } from "tsx/esm/api";

register();
const { DomainError } = await import("@luoshu/domain");
const { renderers } = await import("./renderers.ts");
const { loadFonts } = await import("./pdf.ts");
// Once per worker, before its first task: the fonts are 20 MB to read.
loadFonts();

/**
 * A DomainError (a page budget passed) goes back as data, since only an Error's message and stack
 * cross the thread boundary; render-pool.ts raises it again on the request thread.
 */
export default async function render({ kind, input }) {
  try {
    return { bytes: await renderers[kind](input) };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { error: { code: e.code, messageZh: e.messageZh, messageEn: e.message, details: e.details } };
  }
}
