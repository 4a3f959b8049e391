import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { hostTheme } from '../../src/ui/shell/hostThemes';

// The themes are made on first use from Teams' brand ramp; a Fluent upgrade that changes its Teams
// themes shows up here rather than as a slightly different colour in the pane.
test("the host's themes are Fluent's Teams light, dark and high-contrast themes, made once each", () => {
  expect(hostTheme('default')).toEqual(teamsLightTheme);
  expect(hostTheme('dark')).toEqual(teamsDarkTheme);
  expect(hostTheme('contrast')).toEqual(teamsHighContrastTheme);
  expect(hostTheme('dark')).toBe(hostTheme('dark'));
});
