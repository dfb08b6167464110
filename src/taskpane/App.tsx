// The task pane's root component: lists the workbook's sheets (the job flow is built on top of this).

import * as React from "react";
import { Body1, Spinner, Title3 } from "@fluentui/react-components";
import type { WorkbookPort } from "../workbook/port";

export function App({ workbook }: { workbook: WorkbookPort }): React.JSX.Element {
  const [sheets, setSheets] = React.useState<string[] | null>(null);
  React.useEffect(() => {
    workbook.sheetNames().then(setSheets, () => setSheets([]));
  }, [workbook]);
  return (
    <div style={{ padding: 16 }}>
      <Title3>Lập kế hoạch Nông thôn mới</Title3>
      {sheets === null ? <Spinner /> : <Body1>{sheets.join(", ")}</Body1>}
    </div>
  );
}
