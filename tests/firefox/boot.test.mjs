// The boot script (tests/support/journeys/boot.mjs) in the second engine: an embed in a host page (through
// embed.js, from another 127.0.0.1 port) loads no glue, no wasm and no service worker until the reader's
// pointer comes over it or a Tab brings focus into it; then the app starts. The page starts by itself.
// What Firefox fetched is read from each document's resource timings (FirefoxApp.requestsSeen).
import { bootSite, embedBootJourneys, pageBootJourney } from '../support/journeys/boot.mjs';
import { describeJourneys } from './runner.mjs';

describeJourneys('Firefox: an embed starts at the first intent', embedBootJourneys, { setup: bootSite });
describeJourneys('Firefox: the page starts by itself', [pageBootJourney]);
