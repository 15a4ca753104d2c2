// Accessibility (tests/support/journeys/a11y.mjs) in the second engine: axe-core run inside Firefox (the
// same options: axe's default rule set, violations only), the keyboard path and the embed dialog. The
// matrix runs at 1280 px in the explicit themes: WebDriver classic cannot emulate prefers-color-scheme
// (nor prefers-reduced-motion: that journey is Chromium's alone), and headless Firefox keeps a window at
// least 500 px wide, so the 320 px column stays Chromium's. The phone journey runs, at 500 px.
//
// axe comes in through WebDriver Execute Script: the page's CSP allows no inline script and no
// 'unsafe-eval', but script execution by the automation is not the page's and Firefox does not hold it
// to the CSP (the first journey checks both halves of that).
import { THEMES, axeJourneys, axeMatrix, keyboardJourneys } from '../support/journeys/a11y.mjs';
import { describeJourneys } from './runner.mjs';

// The page draws focus with :focus-visible, which Firefox stops matching once Shift+Tab has brought focus
// back into the modal dialog from its own UI (a Tab brings it back); every other stop must show it.
const FOCUS_QUIRK =
  'Firefox (headless, over WebDriver) no longer matches :focus-visible after Shift+Tab re-enters the modal dialog from the browser UI';

describeJourneys(
  'Firefox: accessibility',
  [...axeJourneys, ...axeMatrix({ themes: THEMES.filter((theme) => !theme.colorScheme), widths: [{ width: 1280, height: 900 }] }), ...keyboardJourneys],
  { setup: () => ({ focusQuirk: FOCUS_QUIRK }) },
);
