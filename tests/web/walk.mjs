// walk.mjs AIPOLICY SOURCE_DIR [SCREENSHOT_DIR]: the web walk of
// `aipolicy serve` in a real headless Chromium (/usr/bin/chromium), driven
// by puppeteer-core: from / to each outcome of the example policy by
// clicking radios and Continue; Back, the browser's back button, the
// Change links; "Not sure" narrowing down; a stale banner; a bad answer
// in the URL; no console errors and no CSP violations; no sideways scroll
// at 360 px; a walk with the keyboard alone; the verdict page printed to
// PDF on one A4 page; a policy whose texts hold <script>, quotes and &
// shown as text with nothing run; the walk in French chosen by
// Accept-Language, in German by ?lang= kept through a whole walk, the
// links between the languages, an Arabic translation laid out right to
// left. With SCREENSHOT_DIR, a screenshot of each kind of page is saved
// there (the README's pictures).
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import puppeteer from "puppeteer-core";

const [aipolicy, src, shots] = process.argv.slice(2);
const example = path.join(src, "policies", "example.yaml");
const hostile = path.join(src, "tests", "cli", "cases", "fixtures",
  "render-hostile.yaml");
const wide = path.join(src, "tests", "cli", "cases", "fixtures", "tr",
  "wide", "wide.yaml");
const tmp = mkdtempSync(path.join(tmpdir(), "aipolicy-web-"));
const NARROW = 360;
const STEP_TIMEOUT = 30000;

let passed = 0;
let failed = 0;
function ok(cond, what) {
  if (cond) {
    passed++;
  } else {
    failed++;
    console.log("FAIL: " + what);
  }
  return cond;
}

// A server on a free loopback port; resolves to { url, proc }.
function serve(args) {
  return new Promise((resolve, reject) => {
    const proc = spawn(aipolicy, ["serve", "--listen", "127.0.0.1:0",
      ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    const timer = setTimeout(() => reject(new Error("no serving line: " +
      err)), 60000);
    proc.stderr.on("data", (d) => {
      err += d;
      const m = /aipolicy: serving .* at (http:\S+)\n/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1].replace(/\/$/, ""), proc });
      }
    });
    proc.on("exit", (code) => reject(new Error("exit " + code + ": " +
      err)));
  });
}

function stop(server) {
  return new Promise((resolve) => {
    server.proc.removeAllListeners("exit");
    server.proc.on("exit", (code) => resolve(code));
    server.proc.kill("SIGTERM");
  });
}

const problems = [];
// A new page (NARROW pixels wide) whose console errors, page errors,
// failed requests and dialogs are collected in problems.
async function newPage(browser, width = 1024) {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 800 });
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning")
      problems.push(m.type() + ": " + m.text());
  });
  page.on("pageerror", (e) => problems.push("page error: " + e));
  page.on("requestfailed", (r) => problems.push("failed: " + r.url()));
  page.on("dialog", async (d) => {
    problems.push("dialog: " + d.message());
    await d.dismiss();
  });
  return page;
}

async function text(page, selector) {
  const el = await page.$(selector);
  return el ? page.evaluate((e) => e.innerText, el) : null;
}

async function noSidewaysScroll(page, what) {
  const w = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth]);
  ok(w[0] <= w[1], `${what}: no sideways scroll (${w[0]} > ${w[1]})`);
}

// Choose ANSWER (a key, or "?") of question QID and Continue.
async function answer(page, qid, key) {
  await page.click(`input[name="${qid}"][value="${key.replace(/"/g,
    '\\"')}"]`);
  await Promise.all([page.waitForNavigation(),
    page.click("button[type=submit]")]);
}

function pdfPages(file) {
  const data = readFileSync(file, "latin1");
  return (data.match(/\/Type\s*\/Page[^s]/g) || []).length;
}

const policy = JSON.parse(execFileSync(aipolicy, ["render", "--format",
  "json", example]));
const questions = Object.fromEntries(policy.questions.map((q) => [q.id, q]));
const outcomes = Object.fromEntries(policy.outcomes.map((o) => [o.id, o]));
const paths = JSON.parse(execFileSync(aipolicy, ["paths", "--format",
  "json", example]));
const words = { "use-freely": "Use AI freely",
  "use-with-review": "Use AI with review", "do-not-use": "Do not use AI" };

// From / to each outcome, clicking; each verdict page printed.
async function walkEveryOutcome(browser, base) {
  const seen = new Set();
  const page = await newPage(browser, NARROW);
  for (const p of paths) {
    if (seen.has(p.outcome))
      continue;
    seen.add(p.outcome);
    await page.goto(base + "/");
    ok(new URL(page.url()).pathname === "/walk", "/ leads to /walk");
    for (const step of p.path) {
      const legend = await text(page, "fieldset legend");
      ok(legend === questions[step.question].ask.replace(/\s+/g, " "),
        `${p.outcome}: asks '${step.question}' (${legend})`);
      await noSidewaysScroll(page, `question ${step.question}`);
      await answer(page, step.question, step.answer);
    }
    const verdict = await text(page, "h1.verdict");
    ok(verdict === "Verdict: " + words[p.verdict],
      `${p.outcome}: the verdict (${verdict})`);
    const body = await text(page, "main");
    ok(body.includes(outcomes[p.outcome].summary),
      `${p.outcome}: its summary`);
    const query = new URL(page.url()).searchParams;
    ok([...query.keys()].join() === p.path.map((s) => s.question).join(),
      `${p.outcome}: the URL keeps the answers in order`);
    await noSidewaysScroll(page, `verdict ${p.outcome}`);
    const pdf = path.join(tmp, p.outcome + ".pdf");
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    ok(pdfPages(pdf) === 1, `${p.outcome}: prints on one A4 page ` +
      `(${pdfPages(pdf)})`);
  }
  ok(seen.size === policy.outcomes.length, "every outcome reached");
  await page.close();
}

// Back, the browser's back button, Change.
async function backAndChange(browser, base) {
  const page = await newPage(browser);
  await page.goto(base + "/walk");
  await answer(page, "data", "no");
  await answer(page, "people", "no");
  ok(await text(page, "legend") === questions.regulated.ask,
    "third question");
  await Promise.all([page.waitForNavigation(),
    page.click("main nav a:first-child")]);
  ok(page.url().endsWith("/walk?data=no"), "Back: the URL without the " +
    "last answer");
  ok(await text(page, "legend") === questions.people.ask,
    "Back: the question before");
  await answer(page, "people", "no");
  await page.goBack();
  ok(page.url().endsWith("/walk?data=no") &&
    await text(page, "legend") === questions.people.ask,
    "the browser's back button");
  await page.goForward();
  ok(await text(page, "legend") === questions.regulated.ask,
    "and forward again");
  await page.goto(base + "/walk?data=no&people=no&regulated=no&code=no&" +
    "audience=only%20me");
  ok((await text(page, "h1.verdict")) === "Verdict: Use AI freely",
    "a verdict from the URL");
  const links = await page.$$("ol.answers a");
  ok(links.length === 5, "a Change link per answer");
  await Promise.all([page.waitForNavigation(), links[3].click()]);
  ok(page.url().endsWith("/walk?data=no&people=no&regulated=no"),
    "Change: the answers before it");
  ok(await text(page, "legend") === questions.code.ask,
    "Change: its question again");
  await page.close();
}

// "Not sure" until there is nothing left to narrow down.
async function notSure(browser, base) {
  const page = await newPage(browser, NARROW);
  await page.goto(base + "/walk");
  await answer(page, "data", "no");
  await answer(page, "people", "no");
  await answer(page, "regulated", "no");
  await answer(page, "code", "no");
  await answer(page, "audience", "?");
  const warning = await text(page, "p.warning");
  ok(/^Worst case so far: .+\. Answering this may lower it\.$/.test(
    warning || ""), "Not sure: the worst case so far (" + warning + ")");
  const legend = await text(page, "legend");
  ok(legend === questions.client_terms.ask,
    "Not sure: the question that narrows it down");
  await shot(page, "serve-narrowing");
  await answer(page, "client_terms", "?");
  let guard = 0;
  while (!(await page.$("h1.verdict")) && guard++ < 10) {
    const qid = await page.$eval("fieldset input", (e) => e.name);
    await answer(page, qid, "?");
  }
  ok((await text(page, "h1.verdict") || "").startsWith("Worst case: "),
    "Not sure: a worst case, said so");
  ok((await text(page, "main")).includes("Less restrictive answers:"),
    "Not sure: the answers that would do better");
  await shot(page, "serve-worst-case");
  await page.close();
}

// Tab, Space, arrows and Enter only.
async function keyboard(browser, base) {
  const page = await newPage(browser, NARROW);
  await page.goto(base + "/walk");
  const keys = page.keyboard;
  for (const choice of [0, 0, 0, 0, 0]) {
    await keys.press("Tab");
    let focused = await page.evaluate(() => document.activeElement.type);
    let tabs = 0;
    while (focused !== "radio" && tabs++ < 10) {
      await keys.press("Tab");
      focused = await page.evaluate(() => document.activeElement.type);
    }
    ok(focused === "radio", "keyboard: Tab reaches the answers");
    for (let i = 0; i < choice; i++)
      await keys.press("ArrowDown");
    await keys.press("Space");
    await keys.press("Tab");
    ok(await page.evaluate(() => document.activeElement.tagName) ===
      "BUTTON", "keyboard: Tab reaches Continue");
    await Promise.all([page.waitForNavigation(), keys.press("Enter")]);
  }
  ok((await text(page, "h1.verdict")) === "Verdict: Use AI freely",
    "keyboard: a walk to a verdict");
  const outline = await page.evaluate(() => {
    const a = document.querySelector("main nav a");
    a.focus();
    return getComputedStyle(a).outlineStyle;
  });
  ok(outline !== "none", "keyboard: the focus is visible");
  await page.close();
}

// The banner, the 400 page, and the hostile policy.
async function otherPages(browser, stale, bad, evil) {
  const page = await newPage(browser, NARROW);
  await page.goto(stale + "/walk");
  ok(/review on \d{4}-\d\d-\d\d/.test(await text(page, ".banner") || ""),
    "stale: a banner with the date on a question");
  await shot(page, "serve-stale");
  await page.goto(stale + "/walk?data=no&people=no&regulated=no&code=no" +
    "&audience=only%20me");
  ok(/review on \d{4}-\d\d-\d\d/.test(await text(page, ".banner") || ""),
    "stale: and on a verdict");
  const before = problems.length;
  const resp = await page.goto(bad + "/walk?data=maybe");
  ok(resp.status() === 400, "a bad answer: 400");
  // The browser reports the 400 itself; nothing else may come.
  const extra = problems.splice(before);
  ok(extra.length === 1 && /status of 400/.test(extra[0]),
    "the 400 page: only the browser's note of the status: " + extra);
  ok((await text(page, ".error") || "").includes("'maybe' is not an " +
    "answer of question 'data'"), "the 400 page says which");
  ok(await page.$('a[href="/walk"]') !== null, "and links to the start");
  await shot(page, "serve-bad-link");
  const first = "/walk?a=yes%20%3Cb%3E%7C%3C%2Fb%3E";
  const second = first + "&b=a%3Ab%3B%20style%20q0%20fill%3A%23f00";
  for (const url of [evil + "/walk", evil + first, evil + second]) {
    await page.goto(url);
    const dom = await page.evaluate(() => ({
      scripts: document.querySelectorAll("script, img, iframe").length,
      text: document.body.innerText,
      title: document.title }));
    ok(dom.scripts === 0, "hostile: no element made of policy text");
    ok(dom.text.includes("<") && dom.text.includes("&") &&
      dom.text.includes('"'), "hostile: <, & and quotes shown as text");
    ok(dom.title.includes("<script>"), "hostile: the title as text");
    await noSidewaysScroll(page, "hostile " + url);
  }
  await page.close();
}

// The example policy as render --format json gives it in LANG.
function rendered(lang) {
  const p = JSON.parse(execFileSync(aipolicy, ["render", "--format", "json",
    "--lang", lang, example]));
  return { q: Object.fromEntries(p.questions.map((q) => [q.id, q])),
    o: Object.fromEntries(p.outcomes.map((o) => [o.id, o])) };
}

const oneLine = (s) => s.replace(/\s+/g, " ").trim();

// The page's <html lang> and dir, and the query of its URL.
async function pageLang(page) {
  return page.evaluate(() => ({ lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    direction: getComputedStyle(document.body).direction }));
}

// A walk to the verdict of path P by clicking: each question, and then
// the verdict's summary, as TEXTS (rendered()) has them in LANG; WANT_LANG
// the ?lang= each URL must carry first (null: none).
async function walkIn(page, p, lang, texts, wantLang) {
  for (const step of p.path) {
    const l = await pageLang(page);
    const query = new URL(page.url()).searchParams;
    ok(l.lang === lang, `${lang}: <html lang> on '${step.question}' ` +
      `(${l.lang})`);
    ok(wantLang === null ? !query.has("lang") :
      [...query.keys()][0] === "lang" && query.get("lang") === wantLang,
      `${lang}: ?lang= in the URL ${page.url()}`);
    ok(oneLine(await text(page, "fieldset legend")) ===
      oneLine(texts.q[step.question].ask), `${lang}: asks ` +
      `'${step.question}' in ${lang}`);
    const labels = await page.$$eval("fieldset label",
      (ls) => ls.map((x) => x.innerText));
    ok(labels.slice(0, -1).join("|") ===
      texts.q[step.question].answers.map((a) => a.label).join("|"),
      `${lang}: the answers of '${step.question}' as shown: ${labels}`);
    await answer(page, step.question, step.answer);
  }
  ok(oneLine(await text(page, "main")).includes(
    oneLine(texts.o[p.outcome].summary)),
    `${lang}: the summary of ${p.outcome} in ${lang}`);
}

// French by Accept-Language, German by ?lang=, the links between them,
// and Arabic from right to left.
async function languages(browser, base, rtl) {
  const fr = rendered("fr");
  const de = rendered("de");
  const p = paths.find((x) => x.outcome === "code_review") || paths[0];
  let page = await newPage(browser, NARROW);
  await page.setExtraHTTPHeaders({ "Accept-Language": "fr-CH, fr;q=0.9" });
  await page.goto(base + "/");
  ok(await text(page, "button[type=submit]") === "Continuer",
    "French: the program's words");
  await walkIn(page, p, "fr", fr, null);
  await noSidewaysScroll(page, "French verdict");
  await page.close();

  page = await newPage(browser, NARROW);
  await page.goto(base + "/walk?lang=de");
  await walkIn(page, p, "de", de, "de");
  const kept = await page.$$eval("main a", (as) =>
    as.map((a) => a.getAttribute("href")));
  ok(kept.length > 0 && kept.every((h) => h.startsWith("/walk?lang=de")),
    "German: every link keeps ?lang=de: " + kept);
  const answers = await page.$$eval("ol.answers .answer",
    (xs) => xs.map((x) => x.innerText));
  ok(answers.join("|") === p.path.map((s) => de.q[s.question].answers.find(
    (a) => a.key === s.answer).label).join("|"),
    "German: your answers as shown: " + answers);
  const names = await page.$$eval("nav.languages a", (as) =>
    as.map((a) => a.lang + "=" + a.innerText));
  ok(names.join() === "en=English,fr=Fran\u00e7ais",
    "German: links to the other languages, named in themselves: " + names);
  await Promise.all([page.waitForNavigation(),
    page.click('nav.languages a[hreflang="fr"]')]);
  const url = new URL(page.url());
  ok(url.searchParams.get("lang") === "fr" &&
    p.path.every((s) => url.searchParams.get(s.question) === s.answer),
    "the French link: the same answers, as keys: " + page.url());
  ok((await pageLang(page)).lang === "fr" && oneLine(await text(page,
    "main")).includes(oneLine(fr.o[p.outcome].summary)),
    "the French link: the verdict in French");
  await page.close();

  page = await newPage(browser, NARROW);
  await page.goto(rtl + "/walk?lang=ar");
  let l = await pageLang(page);
  ok(l.lang === "ar" && l.dir === "rtl" && l.direction === "rtl",
    "Arabic: right to left: " + JSON.stringify(l));
  await noSidewaysScroll(page, "Arabic question");
  await answer(page, "data", "no");
  l = await pageLang(page);
  ok(l.dir === "rtl" && new URL(page.url()).search === "?lang=ar&data=no",
    "Arabic: a verdict, right to left, with the answer's key");
  await noSidewaysScroll(page, "Arabic verdict");
  await shot(page, "serve-rtl", false);
  await page.setExtraHTTPHeaders({ "Accept-Language": "ja, ar;q=0.5" });
  await page.goto(rtl + "/walk");
  l = await pageLang(page);
  ok(l.lang === "ja" && l.dir === "ltr", "Japanese by Accept-Language");
  await noSidewaysScroll(page, "Japanese question, wide answers");
  await page.close();
}

// A screenshot of PAGE as NAME.png; FULL: the whole page, not only the
// viewport (Chromium shifts a whole right-to-left page sideways).
async function shot(page, name, full = true) {
  if (shots)
    await page.screenshot({ path: path.join(shots, name + ".png"),
      fullPage: full });
}

async function screenshots(browser, base) {
  const page = await newPage(browser, NARROW);
  await page.goto(base + "/walk?data=no&people=no");
  await shot(page, "serve-question");
  await page.goto(base + "/walk?data=no&people=no&regulated=no&" +
    "code=production%20code");
  await shot(page, "serve-verdict");
  await page.close();
}

const servers = [];
let browser;
try {
  const base = await serve(["--today", "2026-11-28", example]);
  const stale = await serve(["--today", "2099-01-01", example]);
  const evil = await serve(["--today", "2026-06-01", hostile]);
  const rtl = await serve(["--today", "2026-06-01", wide]);
  servers.push(base, stale, evil, rtl);
  browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    userDataDir: path.join(tmp, "profile"),
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  await walkEveryOutcome(browser, base.url);
  await backAndChange(browser, base.url);
  await notSure(browser, base.url);
  await keyboard(browser, base.url);
  await otherPages(browser, stale.url, base.url, evil.url);
  await languages(browser, base.url, rtl.url);
  await screenshots(browser, base.url);
  ok(problems.length === 0, "no console errors, CSP violations or " +
    "failed requests:\n  " + problems.join("\n  "));
} catch (e) {
  ok(false, "the browser test stopped: " + (e.stack || e));
} finally {
  if (browser)
    await browser.close();
  for (const s of servers)
    ok(await stop(s) === 0, "the server exits 0");
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
