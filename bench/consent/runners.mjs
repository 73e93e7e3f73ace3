// One page, one tool, one fresh browser context (no cookie, no storage): what Grille's analyzer
// and autoconsent each say of the consent banner, and whether their refusal really refuses (the
// corpus pages record the visitor's choice in a grille_consent cookie).

/** Grille waits as a juror does: the page has loaded and its CMP has had time to draw. */
const GRILLE_DELAY_MS = 1_500;
/** Long enough for a multi-step opt-out on a loaded machine (the Playwright script answers eval rules
 * through Node, ~800 rules per attempt); a page where no CMP rule matched by then has none. */
const AUTOCONSENT_TIMEOUT_MS = 25_000;
const AUTOCONSENT_NOTHING_MS = 12_000;

async function choiceOf(page) {
  return page.evaluate(() => /(?:^|;\s*)grille_consent=([^;]*)/.exec(document.cookie)?.[1] ?? null).catch(() => null);
}

/** Clicks the element a Grille selector names: in the document, else in an open shadow root near the top. */
async function clickSelector(page, selector) {
  return page.evaluate((sel) => {
    const roots = [document, ...Array.from(document.querySelectorAll('body *')).map((e) => e.shadowRoot).filter(Boolean)];
    for (const root of roots) {
      const el = root.querySelector(sel);
      if (el) {
        el.click();
        return true;
      }
    }
    return false;
  }, selector);
}

export async function grilleRun(browser, url, analyzerSource) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(GRILLE_DELAY_MS);
    await page.evaluate(analyzerSource);
    const facts = await page.evaluate(() => globalThis.__grilleAnalyzer.analyze({ axe: false }));
    const banner = facts.privacy.banner;
    // The rule's first level (lib/privacy/banner.ts firstLevel): visible buttons of a shown banner.
    const first = banner.visible ? banner.buttons.filter((b) => b.area > 0) : banner.buttons;
    const refuse = first.filter((b) => b.kind === 'refuse').sort((a, b) => b.area - a.area)[0] ?? null;
    let refused = false;
    if (refuse?.selector && (await clickSelector(page, refuse.selector))) {
      await page.waitForTimeout(300);
      refused = (await choiceOf(page)) === 'refuse';
    }
    return {
      banner: banner.found && banner.visible,
      found: banner.found,
      selector: banner.selector,
      buttons: first.map((b) => `${b.kind}:${b.label}`),
      refuseLabel: refuse?.label ?? null,
      claimedRefuse: refuse !== null,
      refused,
    };
  } finally {
    await context.close();
  }
}

/**
 * autoconsent as its Puppeteer/Playwright guide runs it: the content script injected before the
 * page's scripts, the rules sent in answer to its `init`, eval rules run in the page.
 */
export async function autoconsentRun(browser, url, script, rules, heuristicMode) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const config = {
    enabled: true,
    autoAction: 'optOut',
    disabledCmps: [],
    enablePrehide: false,
    enableCosmeticRules: false,
    enableGeneratedRules: true,
    detectRetries: 20,
    isMainWorld: false,
    prehideTimeout: 2000,
    enableHeuristicDetection: true,
    enablePopupMutationObserver: false,
    visualTest: false,
    heuristicMode,
    logs: { lifecycle: false, rulesteps: false, detectionsteps: false, evals: false, errors: false, messages: false, waits: false },
  };
  const seen = { cmps: [], popups: [], optOut: null, done: null, lifecycle: null, clicks: 0, errors: [] };
  const send = (message) => page.evaluate((m) => window.autoconsentReceiveMessage?.(m), message).catch(() => undefined);
  try {
    await page.exposeFunction('autoconsentSendMessage', async (message) => {
      if (!message || typeof message !== 'object') return;
      switch (message.type) {
        case 'init':
          return send({ type: 'initResp', config, rules });
        case 'eval': {
          const result = await page.evaluate(message.code).catch(() => false);
          return send({ type: 'evalResp', id: message.id, result });
        }
        case 'cmpDetected':
          seen.cmps.push(message.cmp);
          break;
        case 'popupFound':
          seen.popups.push(message.cmp);
          break;
        case 'optOutResult':
          seen.optOut = { cmp: message.cmp, result: message.result, at: Date.now() };
          break;
        case 'autoconsentDone':
          seen.done = message;
          break;
        case 'autoconsentError':
          seen.errors.push(String(message.details?.msg ?? message.details ?? 'error'));
          break;
        case 'report':
          seen.lifecycle = message.state.lifecycle;
          seen.clicks = message.state.clicks;
          break;
      }
    });
    await page.addInitScript(script);
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'load' });
    const finished = () =>
      seen.done !== null ||
      (seen.optOut !== null && Date.now() - seen.optOut.at > 1_500) ||
      ['nothingDetected', 'optOutFailed', 'optOutSucceeded', 'done'].includes(seen.lifecycle ?? '') ||
      (seen.cmps.length === 0 && Date.now() - t0 > AUTOCONSENT_NOTHING_MS);
    while (!finished() && Date.now() - t0 < AUTOCONSENT_TIMEOUT_MS) await page.waitForTimeout(100);
    await page.waitForTimeout(300);
    const choice = await choiceOf(page);
    const popup = seen.popups.length > 0;
    return {
      banner: popup,
      popup,
      cmp: seen.popups[0] ?? seen.cmps[0] ?? null,
      cmps: [...new Set(seen.cmps)],
      optOut: seen.optOut ? seen.optOut.result : null,
      clicks: seen.done?.totalClicks ?? seen.clicks,
      lifecycle: seen.lifecycle,
      claimedRefuse: seen.optOut?.result === true,
      refused: choice === 'refuse',
      choice,
      seconds: (Date.now() - t0) / 1000,
    };
  } finally {
    await context.close();
  }
}

/**
 * The adopted integration: Grille's own /autoconsent.js (entrypoints/autoconsent.ts) injected in
 * the page's main world after load, as « Refuser avec autoconsent » does at the juror's click.
 */
export async function integratedRun(browser, url, bundleSource) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(GRILLE_DELAY_MS);
    await page.evaluate(bundleSource);
    const r = await page.evaluate(() => globalThis.__grilleAutoconsent.refuse());
    await page.waitForTimeout(300);
    const choice = await choiceOf(page);
    return { ...r, banner: r.popup, optOut: r.popup ? r.refused : null, claimedRefuse: r.refused, refused: choice === 'refuse', choice };
  } finally {
    await context.close();
  }
}
