// The page-object interface both engines implement: an adapter supplies the reads
// (recommendationText, radarPoints) and this base adds the waits built on them.

import { optionName } from './data.mjs';
import { parseWinner } from './reading.mjs';
import { waitForChange, waitFor } from './waits.mjs';

export class AppPageBase {
  /** @param {{timeout?: number, interval?: number}} poll how the adapter's engine is polled */
  constructor(poll = {}) {
    this.poll = poll;
  }

  /** Polls `fn` with this engine's timeout and interval. */
  waitFor(fn, options = {}) {
    return waitFor(fn, { ...this.poll, ...options });
  }

  /** Winner option id as the recommendation region states it (null for none). */
  async winner() {
    return parseWinner(await this.recommendationText());
  }

  waitForRecommendationChange(before, message = 'the recommendation text to change') {
    return waitForChange(() => this.recommendationText(), before, { ...this.poll, message });
  }

  waitForRadarChange(before, message = 'the radar polygons to change') {
    const differs = (now, was) => Object.keys(now).some((k) => now[k] !== was[k]);
    return waitForChange(() => this.radarPoints(), before, { ...this.poll, differs, message });
  }

  waitForWinner(optionId) {
    return this.waitFor(async () => ((await this.winner()) === optionId ? optionId : false), {
      message: `the recommendation to name ${optionName(optionId)} as the winner`,
    });
  }
}
