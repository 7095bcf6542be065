import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * The serious and critical axe violations on the page as it is now, one line each, naming `what`
 * was scanned and the elements. Legacy mode runs axe in the page itself: the app has no frames,
 * and the default mode opens a blank page for every scan to combine frames' results, which cost
 * about a second a scan on two cores, across a suite of some thirty scans.
 */
export async function seriousViolations(page: Page, what: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).setLegacyMode().analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
