// The widget's one-screen layout (tests/support/journeys/widget.mjs) in the second engine: the page's first
// screen is the answer, and an embed in a blog post is one screen tall and grows on demand. Headless
// Firefox keeps a window at least 500 px wide: its "360 px" journeys run at 500 px (the runner says so).
import { blogSite, firstScreenJourneys, fullComparatorJourney, oneScreenJourneys } from '../support/journeys/widget.mjs';
import { describeJourneys } from './runner.mjs';

describeJourneys('Firefox: the page, first screen', firstScreenJourneys);
describeJourneys('Firefox: an embed in a blog post is one screen tall', [...oneScreenJourneys(), fullComparatorJourney], { setup: blogSite });
