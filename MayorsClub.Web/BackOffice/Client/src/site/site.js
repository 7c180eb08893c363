// The public site's htmx (the calendar's filters, search suggestions): bundled from npm into wwwroot/site/site.js.
// Pages work without it; it only swaps parts of a page in place and keeps the address bar in step.
import htmx from 'htmx.org';

// The site's Content-Security-Policy allows no inline script or style: htmx must not evaluate attributes
// or add its indicator <style>.
htmx.config.allowEval = false;
htmx.config.allowScriptTags = false;
htmx.config.includeIndicatorStyles = false;
htmx.config.historyCacheSize = 0;
// New content is wired up as it is swapped in, not 20 ms later (no transitions use the settling classes): a click
// on a freshly filtered calendar is never lost.
htmx.config.defaultSettleDelay = 0;
window.htmx = htmx;
