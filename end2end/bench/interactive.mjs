// Time until a page answers a click, on a throttled phone profile: Chromium's
// CPU slowed 4× and Lighthouse's slow 4G (150 ms round trip, 1.6 Mbit/s down,
// 750 kbit/s up), signed in, the cache empty at the start (a new browser
// context) and working after, as on a phone: the next page takes the script
// and style sheet the first one fetched (their names are their content's
// hash, kept a year without asking).
// For each page: the time from navigation to the page's script having run
// (`<body data-hydrated>`: its islands and behaviours work), then the time
// from a click on a link until the new page is loaded and its own script has
// run (the pages are the server's, so a link is a page load). Run by
// scripts/bench-pages.sh against a release server with the demo data:
//   node end2end/bench/interactive.mjs http://127.0.0.1:3340
// Prints one JSON object per page. Target (issue 18): ≤ 1.5 s in all.
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:3340";
const pages = [
  {
    path: "/mentor",
    email: "marc.tremblay@demo.mentorat.example",
    password: "demo-mentor-2025",
    link: 'main a[href="/pairs/2"]',
    arrived: (url) => url.pathname === "/pairs/2",
  },
  {
    path: "/mentee",
    email: "amina.diallo@demo.mentorat.example",
    password: "demo-mentee-2025",
    link: 'main a[href="?section=goals"]',
    arrived: (url) => url.searchParams.get("section") === "goals",
  },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
let failed = false;
for (const target of pages) {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 412, height: 823 } });
  const signIn = await context.request.post("/api/log_in", {
    form: { email: target.email, password: target.password, next: "" },
    headers: { Accept: "application/json" },
  });
  if (!signIn.ok()) throw new Error(`sign-in as ${target.email}: ${signIn.status()}`);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });

  const start = Date.now();
  await page.goto(target.path, { waitUntil: "commit" });
  await page.locator(target.link).waitFor({ state: "visible", timeout: 60_000 });
  const visible = Date.now() - start;
  await page.locator("body[data-hydrated]").waitFor({ state: "attached", timeout: 60_000 });
  const hydrated = Date.now() - start;
  const clicked = Date.now();
  await page.locator(target.link).click();
  await page.waitForURL((url) => target.arrived(url), { timeout: 60_000 });
  // The new page has arrived and its own script has run: it answers the next
  // click. (Not "networkidle": Playwright waits 500 ms of silence for it,
  // which counted half a second that no one waits for.)
  await page.locator("body[data-hydrated]").waitFor({ state: "attached", timeout: 60_000 });
  const response = Date.now() - clicked;
  const total = hydrated + response;
  if (total > 1500) failed = true;
  console.log(JSON.stringify({ page: target.path, link_visible_ms: visible, hydrated_ms: hydrated, click_response_ms: response, total_ms: total }));
  await context.close();
}
await browser.close();
process.exitCode = failed ? 1 : 0;
