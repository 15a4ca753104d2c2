// What a blog gets from a host that serves dist/ with its _headers (tests/support/journeys/host.mjs), in
// Chromium.
import { hostJourneys, hostSite } from '../support/journeys/host.mjs';
import { describeJourneys } from './runner.mjs';

describeJourneys('the host side of an embed, dist/ served with its _headers', hostJourneys, { setup: hostSite });
