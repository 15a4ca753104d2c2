// The host side of an embed (tests/support/journeys/host.mjs) in the second engine, dist/ served with its
// _headers.
import { hostJourneys, hostSite } from '../support/journeys/host.mjs';
import { describeJourneys } from './runner.mjs';

describeJourneys('Firefox: the host side of an embed, dist/ served with its _headers', hostJourneys, { setup: hostSite });
