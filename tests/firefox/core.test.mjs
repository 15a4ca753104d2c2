// The page's core journeys (tests/support/journeys/page.mjs) in a second engine: Debian's firefox-esr,
// headless, driven over W3C WebDriver by geckodriver (see webdriver.mjs).
import { darkEmbedJourney, disclosureJourneys, loadJourneys, presetJourneys, sliderJourney, zeroJourney } from '../support/journeys/page.mjs';
import { describeJourneys } from './runner.mjs';

describeJourneys('Firefox: core journeys', [...loadJourneys, sliderJourney, ...presetJourneys, ...disclosureJourneys, zeroJourney, darkEmbedJourney], {
  setup(url, env) {
    const caps = env.session.capabilities;
    console.log(`${env.browserName} ${env.browserVersion}, geckodriver ${caps['moz:geckodriverVersion'] ?? '?'}, headless, fresh profile`);
    return {};
  },
});
