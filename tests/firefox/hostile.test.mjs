// Hostile names (tests/support/journeys/hostile.mjs) in Firefox: the team panel, the record the page hands
// over (WebDriver classic cannot see a download, nor read the clipboard), print (WebDriver's Print Page)
// and the names refused.
import { hostileJourneys } from '../support/journeys/hostile.mjs';
import { describeJourneys } from './runner.mjs';

describeJourneys('Firefox: hostile names', hostileJourneys);
