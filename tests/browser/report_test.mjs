// report_test.mjs — renders `tidings report` pages in Debian's headless Chromium (through
// playwright-core) at 375 and 1280 px and checks them as a reader would see them: the sections
// are there and visible, nothing overflows sideways on a phone, no console errors, and markup
// in the articles shows as text. Screenshots go to tests/out/. Fails loudly when Chromium
// cannot start. Usage: node tests/browser/report_test.mjs ./tidings
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, finish, launch, out, program } from './harness.mjs';


function report(inputs, file) {
    execFileSync(program, ['report', '-o', file, ...inputs], { stdio: ['ignore', 'inherit', 'inherit'] });
    return 'file://' + file;
}

const bridge = report(['examples/harbour-bridge/'], join(out, 'harbour-bridge.html'));
const hostileDir = mkdtempSync(join(tmpdir(), 'tidings-report-'));
const hostile = 'Mayor <script>alert(1)</script> said the <img src=x onerror="alert(2)"> bridge costs $10 million to fix after the storm last week.\n\n'
    + 'The council met on Monday to discuss the bridge repairs and the costs of the storm damage in the town.\n';
writeFileSync(join(hostileDir, 'a.txt'), 'Storm <b>damage</b> closes bridge\n\n' + hostile);
writeFileSync(join(hostileDir, 'b.txt'), 'Bridge shut after storm\n\n' + hostile.replace('$10 million', '$12 million'));
const escaped = report([join(hostileDir, 'a.txt'), join(hostileDir, 'b.txt')], join(out, 'escaping.html'));

const browser = await launch();

for (const width of [375, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    const requests = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await page.goto(bridge);
    check(await page.locator('h1').isVisible(), `${width}px: the headline is visible`);
    for (const id of ['summary', 'disagreements', 'quotes', 'coverage', 'consensus', 'unique', 'timeline', 'articles'])
        check(await page.locator(`#${id} h2`).isVisible(), `${width}px: section #${id} has a visible heading`);
    const disagreements = await page.locator('#disagreements').innerText();
    check(disagreements.includes('$48 million') && disagreements.includes('$52 million'),
        `${width}px: the repair cost disagreement shows both figures`);
    check(await page.locator('#disagreements .claim').count() >= 2, `${width}px: claims side by side`);
    check(await page.locator('#summary li').count() >= 3, `${width}px: the summary has sentences`);
    check(await page.locator('#coverage svg rect').count() >= 5 * 5, `${width}px: the heat map has cells`);
    check(await page.locator('#coverage svg rect title').count() === await page.locator('#coverage svg rect').count(),
        `${width}px: every heat map cell has a title`);
    check(await page.locator('#articles article').count() === 5, `${width}px: five articles`);
    check(await page.locator('#articles mark').count() >= 3, `${width}px: summary sentences are marked in the articles`);
    check(await page.locator('#quotes blockquote').first().isVisible(), `${width}px: quotes are visible`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `${width}px: no horizontal scrolling (overflow ${overflow}px)`);
    check(errors.length === 0, `${width}px: no console errors ${errors.join('; ')}`);
    check(requests.length === 0, `${width}px: no requests leave the page ${requests.join(' ')}`);
    await page.screenshot({ path: join(out, `report-${width}.png`), fullPage: true });
    await page.close();
}

{
    const page = await browser.newPage({ viewport: { width: 375, height: 900 } });
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await page.goto(escaped);
    check(await page.locator('script, img, b').count() === 0, 'escaping: no script, img or b element made from the input');
    const text = await page.locator('#articles').innerText();
    check(text.includes('<script>alert(1)</script>') && text.includes('onerror="alert(2)"'), 'escaping: the markup shows as text');
    check(dialogs.length === 0, 'escaping: no script ran');
    await page.close();
}
await browser.close();
rmSync(hostileDir, { recursive: true, force: true });
finish('browser checks');
