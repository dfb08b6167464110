/* eslint-disable no-undef */
// Runs the browser tests in headless Debian Chromium. Without /usr/bin/chromium they are skipped with a message on
// a developer's machine, but CI (CI=true) requires them, so a missing browser fails there.

const { existsSync } = require("node:fs");
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!existsSync(chromium) && process.env.CI !== "true") {
  console.log(
    `Bỏ qua kiểm thử trình duyệt: không có ${chromium} (apt-get install chromium) / ` +
      `Browser tests skipped: ${chromium} not found (apt-get install chromium)`
  );
  process.exit(0);
}
const jest = path.join(__dirname, "..", "node_modules", "jest", "bin", "jest.js");
const run = spawnSync(process.execPath, [jest, "test/e2e", "--runInBand"], {
  stdio: "inherit",
  env: { ...process.env, E2E: "1" },
});
process.exit(run.status ?? 1);
