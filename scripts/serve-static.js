/* eslint-disable no-undef */
// A tiny static file server for browser mode and the end-to-end tests: serves dist/ over plain http on 127.0.0.1 only.

const http = require("node:http");
const fs = require("node:fs");
const path = require("node:path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".xml": "application/xml; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * Serves `root` on 127.0.0.1:`port` (0 = any free port). Resolves to { server, url }.
 * Paths outside root are refused; "/" is web.html (the web app).
 * options.prefix ("/some/dir/") serves root under that path only, as a static folder of a larger site would be;
 * options.onRequest hears every request's path (tests record what the page asked for).
 */
function serveStatic(root, port = 0, options = {}) {
  const base = path.resolve(root);
  const prefix = options.prefix || "/";
  const server = http.createServer((req, res) => {
    if (options.onRequest) options.onRequest(req.url);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    pathname = "/" + pathname.slice(prefix.length);
    if (pathname === "/") pathname = "/web.html";
    const file = path.resolve(base, "." + pathname);
    if (file !== base && !file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, stat) => {
      if (err || !stat.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
        return;
      }
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
        "Content-Length": stat.size,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve({ server, url: `http://127.0.0.1:${address.port}${prefix}` });
    });
  });
}

module.exports = { serveStatic };

if (require.main === module) {
  const root = process.argv[2] || path.join(__dirname, "..", "dist");
  const port = Number(process.env.PORT || process.argv[3] || 8080);
  if (!fs.existsSync(path.join(root, "web.html"))) {
    console.error(`${root}/web.html not found: run "npm run build" first.`);
    process.exit(1);
  }
  serveStatic(root, port).then(({ url }) => {
    console.log(`NTM Planner, web app: ${url}web.html (Ctrl+C to stop)`);
  });
}
