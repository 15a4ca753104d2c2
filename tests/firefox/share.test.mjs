// Share and remember (tests/support/journeys/share.mjs) in the second engine. Storage that throws and the
// exports are checked in Chromium alone (tests/browser/share.test.mjs says why).
import { shareJourneys } from '../support/journeys/share.mjs';
import { describeJourneys } from './runner.mjs';

describeJourneys('Firefox: share and remember', shareJourneys);
