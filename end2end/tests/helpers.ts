import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** Collects uncaught page errors and console errors (a failed hydration shows up here). */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Waits until the WASM has hydrated the page (the app marks <body data-hydrated>). */
export async function waitForHydration(page: Page): Promise<void> {
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "", { timeout: 20_000 });
}

/** Runs axe-core for WCAG 2.x A and AA rules and fails with the list of violations. */
export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .map((node) => node.target.join(" "))
        .join(", ")}`,
  );
  expect(summary).toEqual([]);
}

/**
 * Signs in from the login page, keeping the page's language (French by
 * default): `language=chosen` is what the sign-in page's language switch
 * leaves, and it keeps signing in from switching to the account's language.
 */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login?language=chosen");
  await waitForHydration(page);
  await page.getByLabel("Adresse courriel").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, and fails if it never
 * does: proof that a control is reachable with the keyboard alone.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { backwards?: boolean; limit?: number } = {},
): Promise<void> {
  const key = options.backwards ? "Shift+Tab" : "Tab";
  await expect(target).toBeVisible();
  for (let presses = 0; presses < (options.limit ?? 400); presses++) {
    await page.keyboard.press(key);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`never reached with ${key}: ${target}`);
}

/** No part of the page is wider than the screen (a phone scrolls down, never sideways). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/**
 * A person's own browser window: a new context (phone-sized when asked),
 * signed in, on `path` and hydrated, with its errors collected. `english`
 * switches the interface to English after signing in (the language cookie).
 */
export async function openAs(
  browser: Browser,
  who: { email: string; password: string },
  path: string,
  options: { viewport?: { width: number; height: number }; english?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    acceptDownloads: true,
    ...(options.viewport ? { viewport: options.viewport } : {}),
  });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await signIn(page, who.email, who.password);
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  if (options.english) {
    await context.addCookies([{ name: "i18n_pref_locale", value: "en", url: page.url() }]);
  }
  await page.goto(path);
  await waitForHydration(page);
  return { context, page, errors };
}

/** The demo's coordinator (loaded with MENTORAT_DEMO_DATA=true, as scripts/test.sh does). */
const DEMO_COORDINATOR = { email: "coordination@demo.mentorat.example", password: "demo-coordination" };

/**
 * The path of the confirmation link a registration sent to `email`. Without
 * a mail server (as in these tests), the coordination hands it over from the
 * outbox: read there, in a coordinator's own browser window.
 */
export async function confirmationPath(browser: Browser, email: string): Promise<string> {
  const context = await browser.newContext();
  const coordinator = await context.newPage();
  await signIn(coordinator, DEMO_COORDINATOR.email, DEMO_COORDINATOR.password);
  await expect(coordinator.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await coordinator.goto("/coordinator/outbox");
  const message = coordinator
    .locator(".message", { hasText: email })
    .filter({ hasText: "Confirmez votre adresse" });
  await expect(message).toBeVisible();
  const link = await message.locator(".message-link a").getAttribute("href");
  await context.close();
  expect(link).toContain("/register/confirm/");
  return new URL(link ?? "", "http://localhost").pathname;
}

/**
 * A student signs up as a person does: the form, "check your email", then
 * the link's page and its button; the page ends in the mentee area.
 */
export async function registerMentee(
  page: Page,
  browser: Browser,
  name: string,
  email: string,
  password = "green-kite-harbour-e2e",
): Promise<void> {
  await page.goto("/register");
  await waitForHydration(page);
  await page.getByLabel("Nom affiché").fill(name);
  await page.getByLabel("Adresse courriel").fill(email);
  await page.getByLabel("Nouveau mot de passe").fill(password);
  await page.getByLabel(/Je suis aux études/).check();
  await page.getByLabel(/J’ai lu/).check();
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByRole("status")).toContainText("Vérifiez vos courriels");
  await page.goto(await confirmationPath(browser, email));
  await waitForHydration(page);
  await expect(page.locator(".lead")).toContainText(email);
  await page.getByRole("button", { name: "Confirmer et créer mon compte" }).click();
  await expect(page).toHaveURL(/\/mentee$/);
}
