// Decide as a team, and keep the decision (tests/support/journeys/team.mjs), in Chromium.
import { teamJourneys } from '../support/journeys/team.mjs';
import { describeJourneys } from './runner.mjs';

describeJourneys('team view and decision record (Chromium)', teamJourneys);
