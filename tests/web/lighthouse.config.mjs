// Lighthouse's accessibility category only, without the waits and artifacts that serve the performance category
// (the pauses after the load, the full-page screenshot): the same audits and scores, in half the time.
// tests/test_html_validators.py passes it with --config-path.
export default {
  extends: 'lighthouse:default',
  settings: {
    onlyCategories: ['accessibility'],
    disableFullPageScreenshot: true,
    pauseAfterFcpMs: 0,
    pauseAfterLoadMs: 0,
    networkQuietThresholdMs: 0,
    cpuQuietThresholdMs: 0,
    skipAboutBlank: true,
  },
};
