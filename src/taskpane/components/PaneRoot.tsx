// The Fluent provider around the pane, themed like its host and following theme changes (high contrast, dark).

import * as React from "react";
import { FluentProvider, makeStyles } from "@fluentui/react-components";
import { chooseTheme, FLUENT_THEMES, type PaneTheme } from "../theme";

const useStyles = makeStyles({
  // The provider paints the theme's background; it fills the pane so a dark theme has no white band below.
  root: { minHeight: "100vh" },
});

function media(query: string): MediaQueryList | undefined {
  return typeof window !== "undefined" && window.matchMedia ? window.matchMedia(query) : undefined;
}

function currentTheme(officeBackground: string | undefined): PaneTheme {
  return chooseTheme({
    officeBackground,
    forcedColors: media("(forced-colors: active)")?.matches ?? false,
    prefersDark: media("(prefers-color-scheme: dark)")?.matches ?? false,
  });
}

export function PaneRoot({
  officeBackground,
  children,
}: {
  /** Office's body background colour, when the pane runs inside Office. */
  officeBackground?: string;
  children: React.ReactNode;
}): React.JSX.Element {
  const styles = useStyles();
  const [theme, setTheme] = React.useState(() => currentTheme(officeBackground));
  React.useEffect(() => {
    const update = () => setTheme(currentTheme(officeBackground));
    const lists = ["(forced-colors: active)", "(prefers-color-scheme: dark)"].map(media);
    for (const l of lists) l?.addEventListener("change", update);
    update();
    return () => {
      for (const l of lists) l?.removeEventListener("change", update);
    };
  }, [officeBackground]);
  return (
    <FluentProvider theme={FLUENT_THEMES[theme]} className={styles.root} data-theme={theme}>
      {children}
    </FluentProvider>
  );
}
