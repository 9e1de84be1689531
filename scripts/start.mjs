// `npm start`: builds the web UI when its sources are newer than the last build, then runs the
// server (TypeScript through tsx, in this same process so signals reach it directly).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { register } from "tsx/esm/api";

const root = path.resolve(import.meta.dirname, "..");
const web = path.join(root, "packages", "web");
const builtAt = mtime(path.join(web, "dist", "index.html"));
const sourcesAt = Math.max(
  ...["src", "index.html", "vite.config.ts", "precompress.ts", "package.json"].map((p) =>
    newest(path.join(web, p)),
  ),
  ...["domain", "contract"].map((p) => newest(path.join(root, "packages", p, "src"))),
);

if (builtAt < sourcesAt) {
  console.log("正在构建前端 / building the web UI …");
  execFileSync("npm", ["run", "build", "-w", "@luoshu/web"], { cwd: root, stdio: "inherit" });
}

register();
await import("../packages/server/src/main.ts");

function mtime(p) {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return 0;
  }
}

function newest(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}
