// The pane's Fluent theme from its host: Windows high contrast, Office's dark themes (or a dark browser), else light.

import {
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";

export type PaneTheme = "light" | "dark" | "highContrast";

export interface ThemeSignals {
  /** Office.context.officeTheme.bodyBackgroundColor ("#FFFFFF", "#262626"), when inside Office. */
  officeBackground?: string;
  /** `(forced-colors: active)`: Windows high contrast. */
  forcedColors: boolean;
  /** `(prefers-color-scheme: dark)`: used only outside Office. */
  prefersDark: boolean;
}

/** Relative luminance of "#rgb"/"#rrggbb" (0 black … 1 white); undefined for anything else. */
function luminance(color: string): number | undefined {
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function chooseTheme(signals: ThemeSignals): PaneTheme {
  if (signals.forcedColors) return "highContrast";
  const office = signals.officeBackground ? luminance(signals.officeBackground) : undefined;
  if (office !== undefined) return office < 0.2 ? "dark" : "light";
  return signals.prefersDark ? "dark" : "light";
}

export const FLUENT_THEMES: Record<PaneTheme, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};
