import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Plugin } from "vite";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const compressible = /\.(js|mjs|css|html|svg|json|txt)$/;
/** Below this a compressed twin saves less than the headers it costs. */
const minBytes = 1024;

/**
 * Writes a brotli (.br) and a gzip (.gz) twin beside each text file of the build, at the highest
 * levels: done once per build, the server then sends them as they are (packages/server/src/plugins/
 * web-assets.ts) instead of compressing on every request.
 */
export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "luoshu-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      await Promise.all(
        Object.keys(bundle)
          .filter((file) => compressible.test(file))
          .map(async (file) => {
            const full = path.join(outDir, file);
            const raw = await fs.promises.readFile(full);
            if (raw.length < minBytes) return;
            const br = brotli(raw, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
              },
            });
            const gz = gzip(raw, { level: zlib.constants.Z_BEST_COMPRESSION });
            await fs.promises.writeFile(`${full}.br`, await br);
            await fs.promises.writeFile(`${full}.gz`, await gz);
          }),
      );
    },
  };
}
