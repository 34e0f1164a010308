// harness.mjs — what the browser tests share: the program under test, tests/out/ for screenshots,
// one "ok/FAIL" line per check, Debian's Chromium started through playwright-core (a test fails
// loudly when it cannot start), and the closing line with the exit status.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export const program = resolve(process.argv[2] || './tidings');
export const out = resolve('tests/out');
mkdirSync(out, { recursive: true });

let failures = 0;
export function check(ok, what) {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failures++;
}

// Chromium from $CHROMIUM or /usr/bin/chromium; on failure, cleanup() runs and the process exits 1.
export async function launch(cleanup = () => {}) {
    const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
    try {
        return await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
    } catch (e) {
        console.error(`FAIL chromium did not start (${executablePath}): ${e.message.split('\n')[0]}`);
        cleanup();
        process.exit(1);
    }
}

// The closing line ("NAME passed" or how many checks failed) and the exit status.
export function finish(name) {
    console.log(failures ? `${failures} browser check(s) failed` : `${name} passed`);
    process.exit(failures ? 1 : 0);
}
