// The page's core journeys (tests/support/journeys/page.mjs) in Chromium.
import { darkEmbedJourney, disclosureJourneys, loadJourneys, presetJourneys, sliderJourney, zeroJourney } from '../support/journeys/page.mjs';
import { describeJourneys } from './runner.mjs';

describeJourneys('page load', loadJourneys);
describeJourneys('weight sliders', [sliderJourney]);
describeJourneys('use-case presets', presetJourneys);
describeJourneys('why disclosures', disclosureJourneys);
describeJourneys('all weights zero, and the embed', [zeroJourney, darkEmbedJourney]);
