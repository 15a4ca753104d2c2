// The answer in view while the reader weighs (tests/support/journeys/answer.mjs), in Chromium.
import { answerBarJourney, answerInViewJourneys } from '../support/journeys/answer.mjs';
import { describeJourneys } from './runner.mjs';

describeJourneys('the answer stays in view while the reader weighs', [...answerInViewJourneys, answerBarJourney]);
