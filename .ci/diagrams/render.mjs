// Renders every ```mermaid block of the repository's Markdown files, and every SVG named on the
// command line, in headless Chromium; writes one PNG each into OUT and fails (exit 1) on a block
// that does not parse, or that renders nothing.
//
//   node render.mjs OUT CHROMIUM FILE.md... [--svg FILE.svg...]
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const [out, chromium, ...rest] = process.argv.slice(2);
const svgAt = rest.indexOf('--svg');
const markdown = svgAt < 0 ? rest : rest.slice(0, svgAt);
const svgs = svgAt < 0 ? [] : rest.slice(svgAt + 1);
const here = dirname(fileURLToPath(import.meta.url));
mkdirSync(out, { recursive: true });

// Every fenced mermaid block, with the file and line it starts on.
const blocks = [];
for (const file of markdown) {
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```mermaid') continue;
    const start = i + 1;
    const body = [];
    for (i++; i < lines.length && lines[i].trim() !== '```'; i++) body.push(lines[i]);
    blocks.push({ file, line: start, text: body.join('\n') });
  }
}

const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
let failed = 0;
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 800 });
  await page.setContent('<!doctype html><html><body style="background:white"><div id="out"></div></body></html>');
  await page.addScriptTag({ path: join(here, 'node_modules/mermaid/dist/mermaid.min.js') });
  await page.evaluate(() => window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));

  for (const [n, block] of blocks.entries()) {
    const where = `${block.file}:${block.line}`;
    const result = await page.evaluate(async (text, id) => {
      const div = document.getElementById('out');
      div.innerHTML = '';
      try {
        await window.mermaid.parse(text);
        const { svg } = await window.mermaid.render(id, text);
        div.innerHTML = svg;
        const box = div.querySelector('svg').getBBox();
        const shapes = div.querySelectorAll('svg g *').length;
        return { width: box.width, height: box.height, shapes };
      } catch (e) {
        document.querySelectorAll('[id^="d' + id + '"]').forEach((el) => el.remove());
        return { error: String(e && e.message ? e.message : e).split('\n').slice(0, 3).join(' ') };
      }
    }, block.text, `m${n}`);
    if (result.error) {
      console.log(`FAIL ${where}: does not parse: ${result.error}`);
      failed++;
      continue;
    }
    if (!(result.width > 10 && result.height > 10 && result.shapes > 2)) {
      console.log(`FAIL ${where}: renders empty (${result.width}x${result.height}, ${result.shapes} shapes)`);
      failed++;
      continue;
    }
    const name = `${block.file.replace(/[\/.]/g, '_')}-${block.line}.png`;
    const element = await page.$('#out svg');
    await element.screenshot({ path: join(out, name) });
    console.log(`ok   ${where}: ${Math.round(result.width)}x${Math.round(result.height)} -> ${name}`);
  }

  for (const file of svgs) {
    const text = readFileSync(file, 'utf8');
    const result = await page.evaluate((svgText) => {
      const div = document.getElementById('out');
      div.innerHTML = svgText;
      const svg = div.querySelector('svg');
      if (!svg) return { error: 'no <svg> element' };
      const box = svg.getBBox();
      return { width: box.width, height: box.height, shapes: svg.querySelectorAll('rect, text, line, path').length };
    }, text);
    if (result.error || !(result.width > 10 && result.height > 10 && result.shapes > 5)) {
      console.log(`FAIL ${file}: ${result.error || 'renders empty'}`);
      failed++;
      continue;
    }
    const name = `${basename(file).replace(/\./g, '_')}.png`;
    const element = await page.$('#out svg');
    await element.screenshot({ path: join(out, name) });
    console.log(`ok   ${file}: ${Math.round(result.width)}x${Math.round(result.height)} -> ${name}`);
  }
} finally {
  await browser.close();
}
console.log(`diagrams: ${blocks.length + svgs.length - failed} rendered, ${failed} failed (PNGs in ${resolve(out)})`);
process.exit(failed === 0 && blocks.length > 0 ? 0 : 1);
