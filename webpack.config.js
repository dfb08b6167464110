/* eslint-disable no-undef */
// Builds the task pane (Excel and browser mode), the custom functions and their metadata (from JSDoc).

const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const urlDev = "https://localhost:3000/";
const urlProd = process.env.NTM_PROD_URL || "https://localhost:3000/"; // set to the deployed origin for production

/** The JSDoc-annotated modules that declare custom functions; metadata is generated from them. */
const FUNCTION_FILES = require("./src/functions/files.json").map((f) =>
  path.resolve(__dirname, "src/functions", f)
);

/**
 * functions.json from the functions' JSDoc (as custom-functions-metadata-plugin makes it), and the list of the
 * functions (id, file, name) as __NTM_FUNCTIONS__ for src/functions/index.ts, which registers them all at start
 * and loads their code lazily. (That plugin instead appends CustomFunctions.associate to each file, which would
 * register them only once their code has loaded.)
 */
class FunctionsMetadataPlugin {
  constructor(files) {
    this.files = files;
    this.result = undefined;
  }

  apply(compiler) {
    const name = "FunctionsMetadataPlugin";
    const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
    compiler.hooks.beforeCompile.tapPromise(name, async () => {
      this.result = await generateCustomFunctionsMetadata(this.files, true);
    });
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      if (this.result.errors.length > 0) {
        for (const e of this.result.errors) compilation.errors.push(new webpack.WebpackError(e));
      } else {
        compilation.emitAsset(
          "functions.json",
          new webpack.sources.RawSource(this.result.metadataJson)
        );
      }
    });
    new webpack.DefinePlugin({
      __NTM_FUNCTIONS__: webpack.DefinePlugin.runtimeValue(
        () =>
          JSON.stringify(
            this.result.associate.map((a) => ({
              id: a.id,
              file: path.basename(a.sourceFileName, path.extname(a.sourceFileName)),
              name: a.functionName,
            }))
          ),
        { fileDependencies: this.files }
      ),
    }).apply(compiler);
  }
}

async function getHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    const httpsOptions = await devCerts.getHttpsServerOptions();
    return { ca: httpsOptions.ca, key: httpsOptions.key, cert: httpsOptions.cert };
  } catch (e) {
    // On Linux the CA cannot be installed without sudo; the certificates are generated all the same. Serve with
    // them and say how to trust the CA by hand (Excel desktop runs on Windows/Mac, where installing works).
    const fs = require("fs");
    const defaults = require("office-addin-dev-certs/lib/defaults");
    if (!fs.existsSync(defaults.localhostKeyPath)) throw e;
    console.warn(
      `Could not install the development CA (${e.message.split("\n")[0]}); serving with the certificates in ` +
        `${defaults.certificateDirectory}. Trust ${defaults.caCertificatePath} in your browser to load the add-in.`
    );
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      key: fs.readFileSync(defaults.localhostKeyPath),
      cert: fs.readFileSync(defaults.localhostCertificatePath),
    };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      web: "./src/taskpane/web.tsx",
      functions: "./src/functions/index.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // Node built-ins that ExcelJS and the HiGHS loader mention but never use in a browser.
      fallback: {
        fs: false,
        path: false,
        crypto: false,
        stream: false,
        buffer: false,
        module: false,
        url: false,
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, configFile: "tsconfig.json" },
          },
        },
        { test: /\.wasm$/, type: "asset/resource", generator: { filename: "[name][ext]" } },
        {
          // Our modules do nothing when imported but declare (the two imported for their effect are named), so a
          // module whose exports are not used is left out: a constant from a reader's file does not bring the reader.
          test: /[\\/]src[\\/](engine|workbook|taskpane)[\\/]/,
          exclude: /[\\/]src[\\/]taskpane[\\/](started|solver-worker-factory)\.ts$/,
          sideEffects: false,
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      // highs.mjs imports "node:module" on its Node path; webpack resolves the bare name to the fallback above.
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, "");
      }),
      new FunctionsMetadataPlugin(FUNCTION_FILES),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "web.html",
        template: "./src/taskpane/web.html",
        chunks: ["web"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]", noErrorOnMissing: true },
          { from: "assets/ntm-sample.xlsx", to: "assets/ntm-sample.xlsx" },
          { from: "node_modules/highs/build/highs.wasm", to: "highs.wasm" },
          // The pages' ES5 old-webview check, as written (never through the bundler: it must stay ES5).
          { from: "src/taskpane/old-webview.js", to: "old-webview.js" },
          {
            // Office.js served from the add-in's own origin (no CDN is reachable from the task pane's CSP).
            from: "node_modules/@microsoft/office-js/dist",
            to: "office-js",
            globOptions: {
              ignore: [
                "**/*.debug.js",
                "**/{access,onenote,outlook,powerpoint,project,visio,word}-*.js",
              ],
            },
          },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(urlDev, "g"), urlProd);
            },
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          static: { directory: path.join(__dirname, "dist") },
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await getHttpsOptions() },
          host: "localhost",
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
        }
      : undefined,
  };
};
