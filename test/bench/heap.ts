// The heap check of the browser benchmark: ten calls played back to back from the menu (the same
// call, hung up at once) leave the JS heap no larger than one does.
import type { Page } from 'playwright-core';
import { launch } from '../e2e/browser.ts';

async function heap(page: Page): Promise<number> {
  await page.evaluate(() => (window as unknown as { gc?: () => void }).gc?.());
  return page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
}

async function playOne(page: Page): Promise<void> {
  await page.locator('li[data-call="box-no-sync"]').getByRole('button', { name: /^Play/ }).press('Enter');
  await page.getByRole('button', { name: /Pick up/ }).press('Enter');
  await page.locator('.choice').first().waitFor();
  // Hang up as soon as the call lets the trainee (X is refused while the button is disabled).
  const hangUp = page.getByRole('button', { name: /^Hang up/ });
  while (!(await hangUp.isEnabled())) await page.waitForTimeout(50);
  await page.keyboard.press('x');
  await page.getByRole('button', { name: 'See the debrief' }).press('Enter');
  await page.getByRole('button', { name: /Back to the calls/ }).press('Enter');
}

/** One report line: the heap after one call and after ten (unthrottled). */
export async function heapGrowth(url: string): Promise<string> {
  const ctx = await launch(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
  try {
    const page = await ctx.newPage();
    await page.goto(`${url}?lang=en`);
    await playOne(page);
    const one = await heap(page);
    for (let n = 2; n <= 10; n++) await playOne(page);
    const ten = await heap(page);
    const mb = (b: number): string => `${(b / 1048576).toFixed(1)} MB`;
    return `JS heap: after 1 call ${mb(one)}, after 10 calls ${mb(ten)}, growth ${((ten - one) / 1048576).toFixed(2)} MB (aim ≤ 5 MB)`;
  } finally {
    await ctx.close();
  }
}
