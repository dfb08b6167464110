// Mounts the preview's charts from their own chunk: the initial task-pane script stays small.

import * as React from "react";
import { Spinner } from "@fluentui/react-components";
import type { Lang } from "../i18n";

const ResultCharts = React.lazy(() => import(/* webpackChunkName: "charts" */ "./ResultCharts"));

export function LazyResultCharts(props: {
  jobId: string;
  json: unknown;
  lang: Lang;
}): React.JSX.Element {
  return (
    <React.Suspense fallback={<Spinner size="tiny" />}>
      <ResultCharts {...props} />
    </React.Suspense>
  );
}
