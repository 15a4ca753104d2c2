// Every string the tests expect the app to write, in one place. tests/phrases.rs reads this file and checks
// the ones marked Core against what the core produces, so keep one `export const NAME = '...';` per line.

// Core: the matrix title, shown as the page's h1.
export const HEADING = 'Node.js vs Python for your backend';
// Core: the headline with every weight at 0.
export const NO_WEIGHT_MESSAGE = 'Set at least one weight above zero to see a recommendation.';
// Core: a winner's headline is "<Option> leads, by <margin>".
export const LEADS_BY = ' leads, by ';
// Core: a tie's headline starts with this.
export const DEAD_HEAT = 'A dead heat: ';
// Startup: the start of the message a share link that cannot be read shows (the share suites check it).
export const LINK_PROBLEM = "This link's settings could not be read";
// Shell: the Recommendation region's accessible name.
export const RECOMMENDATION = 'Recommendation';
// Shell: what a shared link says when it replaced the reader's own saved weights.
export const RESTORE_OFFER = 'You opened a shared link, so you see its settings. Your own saved weights are kept.';
// Shell: the embed dialog's name and its preview iframe's title.
export const EMBED_DIALOG = 'Embed this comparison';
export const PREVIEW_TITLE = 'Preview of the embedded widget';
// Shell: each total reads "<Option> <score> / 100".
export const OUT_OF = ' / 100';
