import { createHighContrastTheme, createLightTheme, createTeamsDarkTheme, type BrandVariants, type Theme } from '@fluentui/react-components';
import type { HostTheme } from '../../hosts/Host';

/**
 * Fluent's Teams themes, each made the first time the host asks for it. Importing `teamsLightTheme`,
 * `teamsDarkTheme` and `teamsHighContrastTheme` builds five themes (light and dark each have a v2.1
 * twin in the same module) while the first script runs, on every open; a host shows one.
 */

// Teams' brand ramp and font stack as Fluent defines them for its Teams themes (`brandTeams` and the
// Teams font families, which @fluentui/react-components does not export).
const TEAMS_BRAND: BrandVariants = {
  10: '#2b2b40',
  20: '#2f2f4a',
  30: '#333357',
  40: '#383966',
  50: '#3d3e78',
  60: '#444791',
  70: '#4f52b2',
  80: '#5b5fc7',
  90: '#7579eb',
  100: '#7f85f5',
  110: '#9299f7',
  120: '#aab1fa',
  130: '#b6bcfa',
  140: '#c5cbfa',
  150: '#dce0fa',
  160: '#e8ebfa',
};
const TEAMS_FONT = { fontFamilyBase: '-apple-system, BlinkMacSystemFont, "Segoe UI", system-ui, "Apple Color Emoji", "Segoe UI Emoji", sans-serif' };

const makers: Record<HostTheme, () => Theme> = {
  default: () => ({ ...createLightTheme(TEAMS_BRAND), ...TEAMS_FONT }),
  dark: () => ({ ...createTeamsDarkTheme(TEAMS_BRAND), ...TEAMS_FONT }),
  contrast: () => ({ ...createHighContrastTheme(), ...TEAMS_FONT }),
};
const made: Partial<Record<HostTheme, Theme>> = {};

/** The Fluent theme for the host's theme: Teams light, dark or high contrast. */
export function hostTheme(theme: HostTheme): Theme {
  return (made[theme] ??= makers[theme]());
}
