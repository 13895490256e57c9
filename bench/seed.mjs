// @ts-check
/** The storage state every Quire context of the bench starts from: each work opened once, its adult notice passed. */

/** @typedef {import('playwright-core').Browser} Browser */

/**
 * Opens each work once in a context without a service worker (so nothing is cached), passing
 * its notice, and returns the storage state (IndexedDB included).
 * @param {Browser} browser @param {string} base @param {readonly string[]} works
 */
export async function seedStorage(browser, base, works) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    for (const work of works) {
      await page.goto(`${base}#/read/${encodeURIComponent(work)}`);
      const cont = page.getByRole('button', { name: 'Continue' });
      const ready = page.locator('article.reader-content[data-place-block] [data-block]').first();
      await Promise.race([cont.waitFor(), ready.waitFor()]);
      if (await cont.isVisible()) await cont.click();
      await ready.waitFor();
      await page.goto(`${base}#/`);
      await page.getByRole('heading', { name: 'Quire', level: 1 }).waitFor();
    }
    return await context.storageState({ indexedDB: true });
  } finally {
    await context.close();
  }
}
