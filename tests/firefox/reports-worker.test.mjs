// The reports worker (tests/support/journeys/files.mjs) in the second engine: the page loads none of it,
// then starts it from the boot tag's data-reports, and its service worker caches it on that first use; the
// single file opened from disk starts it from a blob: URL. The checks only Chromium can make (every
// request, the worker's own included; CSP violations; offline) are in tests/browser/reports-worker.test.mjs.
import { reportsWorkerJourneys, singleFileSite } from '../support/journeys/files.mjs';
import { describeJourneys } from './runner.mjs';

describeJourneys('Firefox: the reports worker', reportsWorkerJourneys, { setup: singleFileSite });
