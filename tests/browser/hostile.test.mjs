// Hostile names (tests/support/journeys/hostile.mjs) in Chromium: the team panel, the records on the
// clipboard and downloaded, print (Chromium's PDF) and the names refused.
import { hostileJourneys } from '../support/journeys/hostile.mjs';
import { describeJourneys } from './runner.mjs';

describeJourneys('hostile names (Chromium)', hostileJourneys);
