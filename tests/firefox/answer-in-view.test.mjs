// The answer in view while the reader weighs (tests/support/journeys/answer.mjs), in Firefox. Headless
// Firefox keeps a window at least 500 px wide: its "360 px" journeys run at 500 px (the runner says so).
import { answerBarJourney, answerInViewJourneys } from '../support/journeys/answer.mjs';
import { describeJourneys } from './runner.mjs';

describeJourneys('Firefox: the answer stays in view while the reader weighs', [...answerInViewJourneys, answerBarJourney]);
