import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

// Draws public/'s PNG icons and favicon.ico from app/icon.svg in Chromium; run by hand when the
// logo changes (`node --import tsx scripts/generate-icons.ts`) and commit what it writes.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(path.join(root, 'app/icon.svg'), 'utf8');
const BACKGROUND = '#0b0f17';

/** Full-bleed square with the logo inside the central 60 %, the safe zone of a maskable icon. */
function maskable(size: number): string {
  const inner = Math.round(size * 0.6);
  return `<div style="width:${size}px;height:${size}px;background:${BACKGROUND};display:grid;place-items:center">
    <div style="width:${inner}px;height:${inner}px">${svg}</div></div>`;
}

function plain(size: number): string {
  return `<div style="width:${size}px;height:${size}px">${svg}</div>`;
}

/** An ICO file holding PNG images, which every current browser reads. */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map(({ png }) => png)]);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage();

async function render(html: string, size: number): Promise<Buffer> {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><style>svg{display:block;width:100%;height:100%}</style>${html}</body></html>`,
  );
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

const outputs: [string, string, number][] = [
  ['icon-192.png', plain(192), 192],
  ['icon-512.png', plain(512), 512],
  ['icon-maskable-192.png', maskable(192), 192],
  ['icon-maskable-512.png', maskable(512), 512],
  ['apple-touch-icon.png', maskable(180), 180],
];
for (const [name, html, size] of outputs) {
  writeFileSync(path.join(root, 'public', name), await render(html, size));
}
const favicon = [];
for (const size of [16, 32, 48]) favicon.push({ size, png: await render(plain(size), size) });
writeFileSync(path.join(root, 'public/favicon.ico'), ico(favicon));
await browser.close();
