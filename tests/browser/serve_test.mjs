// serve_test.mjs — the web page of `tidings serve` used as a person would, in Debian's headless
// Chromium (playwright-core): start a server on a free port, paste the five articles of the bundled
// example (the fifth sent by another client, to see the page update without a reload), see one
// story from five outlets, search, open the report; at 375 and 1280 px, with screenshots in
// tests/out/. Usage: node tests/browser/serve_test.mjs ./tidings
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, finish, launch, out, program } from './harness.mjs';


const dir = mkdtempSync(join(tmpdir(), 'tidings-serve-'));
const server = spawn(program, ['serve', '--store', join(dir, 'news.db'), '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
const base = await new Promise((ok, fail) => {
    let err = '';
    server.stderr.on('data', (d) => {
        err += d;
        const m = err.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
        if (m) ok(`http://127.0.0.1:${m[1]}`);
    });
    server.on('exit', () => fail(new Error(`tidings serve stopped: ${err}`)));
});

const outlets = ['Port Varrow Ledger', 'KVRW News', 'Harbour Times', 'Coastal Wire', 'Evening Post'];
const files = readdirSync('examples/harbour-bridge').filter((f) => f.endsWith('.txt')).sort();
const texts = files.map((f) => readFileSync(join('examples/harbour-bridge', f), 'utf8'));

const browser = await launch(() => server.kill());

try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    const away = [];
    page.on('request', (r) => { if (!r.url().startsWith(base)) away.push(r.url()); });
    await page.goto(base + '/');
    await page.locator('#none').waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
    check(await page.locator('#none').isVisible(), 'an empty store says there are no stories yet');

    for (let i = 0; i < 4; i++) {
        await page.fill('#text', texts[i]);
        await page.fill('#source', outlets[i]);
        await page.click('button[type=submit]');
        await page.locator('#status', { hasText: '1 article stored' }).waitFor({ timeout: 10000 });
        await page.locator('#status').evaluate((e) => { e.textContent = ''; });
    }
    check(await page.locator('#text').inputValue() === '', 'the form is emptied after sending');
    // the fifth from another client: the page must show it without a reload
    const r = await fetch(`${base}/articles?source=${encodeURIComponent(outlets[4])}`,
        { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: texts[4] });
    check(r.ok, 'another client sends the fifth article');
    await page.locator('.story .outlets li').nth(4).waitFor({ timeout: 10000 });
    check(await page.locator('.story').count() === 1, 'one story');
    const shownOutlets = await page.locator('.story .outlets li').allInnerTexts();
    check(outlets.every((o) => shownOutlets.includes(o)), `five outlets, updated without a reload (${shownOutlets.join(', ')})`);
    check((await page.locator('.story .meta').innerText()).startsWith('5 articles'), 'five articles counted');
    check((await page.locator('.story .lead').innerText()).length > 40, 'the first summary sentence is shown');

    // markup in an article stays text
    await page.fill('#text', 'Storm <img src=x onerror="alert(1)"> damages pier <script>alert(2)</script>\n\nA storm damaged the pier <img src=x onerror="alert(3)"> on the waterfront on Friday night, the council said.');
    await page.fill('#source', 'Hostile <b>Outlet</b>');
    await page.click('button[type=submit]');
    await page.locator('#status', { hasText: 'stored' }).waitFor({ timeout: 10000 });
    await page.locator('.story').nth(1).waitFor({ timeout: 10000 });
    check(await page.locator('#stories img, #stories script, #stories b').count() === 0, 'escaping: no element made from article text');
    check((await page.locator('#stories').innerText()).includes('Hostile <b>Outlet</b>'), 'escaping: the markup shows as text');

    // files: JSON Lines with two articles of another event
    await page.setInputFiles('#files', { name: 'ferry.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(
        '{"id":"ferry-1","source":"Ledger","text":"The ferry Marisol caught fire off Dunmore Head on Sunday. All 212 passengers were taken off by lifeboats, the coastguard said."}\n' +
        '{"id":"ferry-2","source":"KVRW","text":"Fire broke out on the ferry Marisol near Dunmore Head; the coastguard said all 212 passengers were rescued by lifeboats."}\n') });
    await page.fill('#source', '');
    await page.click('button[type=submit]');
    await page.locator('#status', { hasText: '2 articles stored' }).waitFor({ timeout: 10000 });
    await page.locator('.story').nth(2).waitFor({ timeout: 10000 });
    check((await page.locator('#stories').innerText()).includes('Marisol'), 'an uploaded JSON Lines file makes a story');

    await page.screenshot({ path: join(out, 'serve-1280.png'), fullPage: true });

    await page.fill('#search', 'anchorage');
    await page.locator('.story').nth(1).waitFor({ state: 'detached', timeout: 10000 });
    check((await page.locator('.story h2').innerText()).length > 0 && (await page.locator('.story .outlets li').count()) === 5,
        'search "anchorage": the bridge story only');
    await page.fill('#search', 'zeppelin');
    await page.locator('.story').first().waitFor({ state: 'detached', timeout: 10000 });
    check(await page.locator('#none').isVisible(), 'search "zeppelin": nothing');
    await page.fill('#search', '');
    await page.locator('.story').nth(2).waitFor({ timeout: 10000 });

    await page.fill('#text', '');
    await page.click('button[type=submit]');
    check(await page.locator('#status.error').isVisible(), 'sending nothing says so');

    await page.locator('.story h2 a', { hasText: /Bridge|bridge|Tamsin/ }).first().click();
    await page.waitForURL(/\/report$/);
    check(await page.locator('h1').isVisible(), 'the story opens its report');
    check((await page.locator('#disagreements').innerText()).includes('$48 million'), 'the report shows the disagreement on the cost');
    check(dialogs.length === 0, 'no script from an article ran');
    check(errors.length === 0, `no console errors (CSP included) ${errors.join('; ')}`);
    check(away.length === 0, `no request leaves the server ${away.join(' ')}`);
    await page.close();

    const phone = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await phone.goto(base + '/');
    await phone.locator('.story').nth(2).waitFor({ timeout: 10000 });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `375px: no horizontal scrolling (overflow ${overflow}px)`);
    check(await phone.locator('#search').isVisible() && await phone.locator('#send button').isVisible(), '375px: search and form are there');
    await phone.screenshot({ path: join(out, 'serve-375.png'), fullPage: true });
    await phone.close();
} catch (e) {
    check(false, `the page test ran to its end: ${e.message.split('\n')[0]}`);
}
await browser.close();
server.kill('SIGTERM');
rmSync(dir, { recursive: true, force: true });
finish('serve browser checks');
