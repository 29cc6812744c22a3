// A hostile call for browser tests, never in the shipped library: the test intercepts the content
// file the game fetches at start (src/content/bundle.ts) and adds to it a copy of box-no-sync,
// `zz-hostile`, whose English words try every trick — i18next nesting and interpolation, a
// 3,000-character unbroken line, a right-to-left override in the customer's name.
import type { Page } from 'playwright-core';

export const HOSTILE_ID = 'zz-hostile';
export const LONG = 'W'.repeat(3000);
/** "gnp.exe" behind a right-to-left override: drawn as "exe.png" unless isolated. */
export const RLO_NAME = '\u202Egnp.exe';
export const TITLE = 'Hostile $t(ui:app.title) {{title}}';
export const NESTED = 'Nested $t(ui:menu.play) {{name}} $t(zz-hostile:title)';

type Content = {
  calls: { file: string; data: { id: string }; best?: unknown }[];
  locales: Record<string, Record<string, string>>;
};

/** Makes the page's content file carry the hostile call (from the next navigation on). */
export async function serveHostileCall(page: Page): Promise<void> {
  await page.route(/\/assets\/content-[^/]*\.json$/, async (route) => {
    const res = await route.fetch();
    const content = (await res.json()) as Content;
    const base = content.calls.find((c) => c.data.id === 'box-no-sync')!;
    const en = JSON.parse(content.locales.en!['box-no-sync']!) as Record<string, unknown> & {
      customer: { name: string };
      variants: { vent: Record<string, string> };
      choices: Record<string, { text: string }>;
    };
    en.title = TITLE;
    en.customer.name = RLO_NAME;
    for (const k of Object.keys(en.variants.vent)) en.variants.vent[k] = `${LONG} ${NESTED}`;
    en.choices.greet_full!.text = `${LONG} $t(ui:app.title)`;
    content.calls.push({ file: `scenarios/${HOSTILE_ID}.yaml`, data: { ...base.data, id: HOSTILE_ID } });
    content.locales.en![HOSTILE_ID] = JSON.stringify(en);
    // Sent as plain JSON: the served file's own headers (brotli) no longer describe this body.
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(content) });
  });
}
