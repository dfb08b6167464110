/* eslint-disable no-undef */
// Builds browser mode with the test-only job into test-artifacts/e2e-dist (the real build stays in dist/).

const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const base = require("../../webpack.config.js");

module.exports = async (env, options) => {
  const config = await base(env, { ...options, mode: "development" });
  config.entry = { web: path.resolve(__dirname, "web-with-test-job.tsx") };
  config.output = {
    ...config.output,
    path: path.resolve(__dirname, "../../test-artifacts/e2e-dist"),
  };
  config.devtool = false;
  // Everything but the Excel task pane's page and the custom functions' metadata (not needed here).
  config.plugins = config.plugins.filter(
    (p) =>
      !(p instanceof HtmlWebpackPlugin && p.userOptions.filename !== "web.html") &&
      p.constructor.name !== "FunctionsMetadataPlugin"
  );
  return config;
};
