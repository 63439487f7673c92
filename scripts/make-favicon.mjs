// Renders app/icon.svg into app/favicon.ico (16, 32 and 48 px) with the system Chromium: node scripts/make-favicon.mjs
import { chromium } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
const svg = readFileSync("app/icon.svg", "utf8");
const browser = await chromium.launch({ executablePath: "/usr/lib/chromium/chromium", args: ["--no-sandbox"] });
const images = [];
for (const size of [16, 32, 48]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`);
  images.push({ size, png: await page.screenshot({ omitBackground: true }) });
  await page.close();
}
await browser.close();
// ICO: a 6-byte header, a 16-byte entry per image, then the PNG data (PNG-in-ICO, read by every current browser).
const header = Buffer.alloc(6 + 16 * images.length);
header.writeUInt16LE(0, 0); header.writeUInt16LE(1, 2); header.writeUInt16LE(images.length, 4);
let offset = header.length;
images.forEach(({ size, png }, i) => {
  const at = 6 + 16 * i;
  header.writeUInt8(size % 256, at); header.writeUInt8(size % 256, at + 1); header.writeUInt8(0, at + 2); header.writeUInt8(0, at + 3);
  header.writeUInt16LE(1, at + 4); header.writeUInt16LE(32, at + 6); header.writeUInt32LE(png.length, at + 8); header.writeUInt32LE(offset, at + 12);
  offset += png.length;
});
writeFileSync("app/favicon.ico", Buffer.concat([header, ...images.map((i) => i.png)]));
console.log("favicon.ico", offset, "bytes");
