// Renders the app icon (renderer/studio/public/favicon.svg) to resources/build/icon.png at 1024 px
// with Debian's Chromium; electron-builder derives .ico, .icns and the Linux sizes from it.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync(new URL('../../renderer/studio/public/favicon.svg', import.meta.url), 'utf8');
const size = 1024;
const browser = await chromium.launch({
  executablePath: process.env.TAILOR_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: size, height: size } });
const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
await page.setContent(`<body style="margin:0"><img src="${src}" width="${size}" height="${size}"></body>`);
await page.screenshot({ path: new URL('./icon.png', import.meta.url).pathname, omitBackground: true });
await browser.close();
console.log('wrote resources/build/icon.png');
