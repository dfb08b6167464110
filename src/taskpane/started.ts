// The bundle's first statement: tells the page's old-webview check (old-webview.js) that this webview parsed the
// bundle and began to run it. Imported first by both entries (index.tsx, web.tsx).

(window as Window & { ntmStarted?: boolean }).ntmStarted = true;

export {};
