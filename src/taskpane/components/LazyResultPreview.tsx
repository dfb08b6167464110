// Mounts a run's result (key figures, warnings, tables) from its own chunk: nothing of it is on the first screen.

import * as React from "react";
import { Spinner } from "@fluentui/react-components";
import type { ResultPreviewProps } from "./ResultPreview";

const ResultPreview = React.lazy(() =>
  import(/* webpackChunkName: "results" */ "./ResultPreview").then((m) => ({
    default: m.ResultPreview,
  }))
);

export function LazyResultPreview(props: ResultPreviewProps): React.JSX.Element {
  return (
    <React.Suspense fallback={<Spinner size="tiny" />}>
      <ResultPreview {...props} />
    </React.Suspense>
  );
}
