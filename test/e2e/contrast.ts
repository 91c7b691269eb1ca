/** Text contrast as the e2e tests measure it in the browser: the WCAG 2 ratio of an element's text colour to its background. */
import type { Page } from 'puppeteer-core';

/** TextContrast: one visible element's contrast ratio, with the selector that found it. */
export interface TextContrast {
  readonly s: string;
  readonly ratio: number;
}

/**
 * textContrasts measures every visible element each selector finds (below `scope`, when given)
 * against the first background behind it that is not transparent, white if there is none.
 */
export async function textContrasts(page: Page, selectors: readonly string[], scope?: string): Promise<TextContrast[]> {
  // A string, because the tests compile without the DOM library.
  return (await page.evaluate(`((selectors, scope) => {
    const rgb = (value) => (value.match(/[\\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => { const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]; };
    const background = (el) => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length === 3 || c[3] > 0) return c; } return [255, 255, 255]; };
    return selectors.flatMap((s) => [...document.querySelectorAll(scope ? scope + ' ' + s : s)].filter((e) => e.offsetParent !== null).map((e) => {
      const [a, b] = [lum(rgb(getComputedStyle(e).color)), lum(background(e))];
      return { s, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
    }));
  })(${JSON.stringify(selectors)}, ${JSON.stringify(scope ?? '')})`)) as TextContrast[];
}
