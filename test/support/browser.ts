import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

/** Where browser tests leave their screenshots (a folder CI keeps): LLM_ROUTER_TEST_ARTIFACTS or test-artifacts/. */
export function artifactsDir(...parts: string[]): string {
  const dir = join(process.env['LLM_ROUTER_TEST_ARTIFACTS'] ?? join(process.cwd(), 'test-artifacts'), ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Debian's Chromium, headless, driven by playwright-core (which downloads no browser). The flags keep it off the
 * network: this machine refuses every connection but loopback, and Chromium would otherwise try Google's hosts.
 * Playwright gives each launch a new empty profile of its own.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
