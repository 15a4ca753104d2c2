// Decide as a team, and keep the decision (tests/support/journeys/team.mjs), in the second engine. The
// records are read as the page hands them to the browser (FirefoxApp.download), the clipboard not at all
// (WebDriver classic cannot read it).
import { teamJourneys } from '../support/journeys/team.mjs';
import { describeJourneys } from './runner.mjs';

describeJourneys('Firefox: the team view and its record', teamJourneys);
