// Builds web/dist: index.html plus content-hashed files under assets/, which judged serves
// (judged/api/web.py): index.html with Cache-Control no-cache, assets/ as immutable.
// Each asset also gets a .gz and a .br beside it; aiohttp's FileResponse sends those to
// browsers that accept them, so the editor bundle crosses a real network compressed.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";

const COMPRESSIBLE = /\.(js|css|html|svg|json|ttf)$/;

function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "judged-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const assets = join(outDir, "assets");
      for (const name of readdirSync(assets)) {
        const path = join(assets, name);
        if (!COMPRESSIBLE.test(name) || statSync(path).size < 1024) continue;
        const body = readFileSync(path);
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(`${path}.br`, brotliCompressSync(body));
      }
    },
  };
}

export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    assetsDir: "assets",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 4096, // the lazily loaded editor chunk is large by nature
    modulePreload: { polyfill: false },
  },
  worker: { format: "es" },
  plugins: [precompress()],
  server: { proxy: { "/v1": "http://127.0.0.1:8080", "/web-config.json": "http://127.0.0.1:8080" } },
});
