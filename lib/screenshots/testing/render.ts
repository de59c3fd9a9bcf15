/**
 * Renders mock pages to PNG or JPEG in Chromium (Playwright's screenshot), at a phone's width and
 * device scale, for tests and benchmarks. Made at test time: no image fixture is committed.
 */
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "@/scripts/lib/chromium";
import { mockPageHtml, type MockPage } from "./mock-pages";

export type RenderOptions = { width?: number; height?: number; scale?: number; format?: "png" | "jpeg" };

export type Renderer = { render(page: MockPage, options?: RenderOptions): Promise<Uint8Array>; close(): Promise<void> };

export async function openRenderer(): Promise<Renderer> {
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
  return {
    async render(page, { width = 390, height = 844, scale = 2, format = "png" } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale });
      try {
        const tab = await context.newPage();
        await tab.setContent(mockPageHtml(page));
        const shot = await tab.screenshot({ type: format, ...(format === "jpeg" ? { quality: 85 } : {}) });
        return new Uint8Array(shot);
      } finally {
        await context.close();
      }
    },
    close: () => browser.close(),
  };
}
