// dist/stackweigh.html in Firefox (tests/support/journeys/files.mjs): the single-file bundle, copied alone
// into an empty folder and opened from disk (file://), must come alive there too, with no console error
// from the page and no request leaving the machine.
//
// No pref is changed for file://: the bundle inlines its script, stylesheet, wasm (base64) and Why? text,
// so it needs nothing Firefox's default file:// policy (security.fileuri.strict_origin_policy) forbids.
import { singleFileJourneys, singleFileSite } from '../support/journeys/files.mjs';
import { describeJourneys } from './runner.mjs';

describeJourneys('Firefox: single-file bundle from disk', singleFileJourneys, { setup: singleFileSite });
