import { expect, test } from "@playwright/test";
import { expectNoAccessibilityViolations, waitForHydration, watchForErrors } from "./helpers";

const FRENCH_TITLE = "Apprendre auprès d’une personne qui a fait le chemin";
const ENGLISH_TITLE = "Learn from someone who has walked the path";

test.describe("public home page", () => {
  test("is French by default, shows the program's data and hydrates without errors", async ({ page }) => {
    const errors = watchForErrors(page);
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(FRENCH_TITLE);
    await expect(page).toHaveTitle(/Le mentorat au Carrefour des savoirs/);
    // From the database: the taxonomy and the demo cohort.
    await expect(page.locator(".domain-list li", { hasText: "Soins infirmiers" })).toBeVisible();
    await expect(page.locator(".cohort-status")).toContainText(/Cohorte|Prochaine cohorte|prochaine cohorte/);
    // The seed's testimonial and the three calls to action.
    await expect(page.getByText("Gilles Pageau")).toBeVisible();
    await expect(page.getByRole("link", { name: "Devenir mentor·e" }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "S’inscrire comme mentoré·e" }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
    await waitForHydration(page);
    expect(errors).toEqual([]);
  });

  test("switches language on the same page, and the choice survives a reload", async ({ page, context }) => {
    const errors = watchForErrors(page);
    await page.goto("/");
    await waitForHydration(page);

    // The page is the server's (islands): the switch asks it for the page again, in English.
    await page.getByRole("button", { name: /english/i }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ENGLISH_TITLE);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveTitle(/Mentoring at Carrefour des savoirs/);
    await expect(page.locator(".domain-list li", { hasText: "Nursing" })).toBeVisible();
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === "i18n_pref_locale")?.value).toBe("en");

    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(ENGLISH_TITLE);
    await waitForHydration(page);

    await page.getByRole("button", { name: /français/i }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(FRENCH_TITLE);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    expect(errors).toEqual([]);
  });

  test("the language switch keeps the page and works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/apply");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Devenir mentor·e");
    await page.getByRole("button", { name: /english/i }).click();
    await expect(page).toHaveURL(/\/apply$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Become a mentor");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await context.close();
  });

  test("the keyboard reaches the main content through the skip link", async ({ page }) => {
    await page.goto("/");
    await waitForHydration(page);
    await page.keyboard.press("Tab");
    const skipLink = page.getByRole("link", { name: "Aller au contenu principal" });
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
    // The next Tab goes on from the main content, not back to the header.
    await page.keyboard.press("Tab");
    const focusedInMain = await page.evaluate(() => document.activeElement?.closest("main") !== null);
    expect(focusedInMain).toBe(true);
  });

  test("calls to action lead to their pages", async ({ page }) => {
    await page.goto("/");
    await waitForHydration(page);
    await page.getByRole("link", { name: "Devenir mentor·e" }).first().click();
    await expect(page).toHaveURL(/\/apply$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Devenir mentor·e");
    await expect(page.getByRole("link", { name: "carrefour.ccsmtl@ssss.gouv.qc.ca" }).first()).toBeVisible();
  });

  test("an unknown address shows the 404 page with status 404", async ({ page }) => {
    const response = await page.goto("/cette-page-n-existe-pas");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    await expect(page.getByRole("link", { name: "Retour à l’accueil" })).toBeVisible();
  });
});

test.describe("accessibility (axe-core, WCAG 2.2 A/AA)", () => {
  test("home page in French has no violations", async ({ page }) => {
    await page.goto("/");
    await waitForHydration(page);
    await expectNoAccessibilityViolations(page);
  });

  test("home page in English has no violations", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "i18n_pref_locale", value: "en", url: baseURL ?? "http://127.0.0.1:3000" }]);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await waitForHydration(page);
    await expectNoAccessibilityViolations(page);
  });

  test("home page on a phone has no violations and no sideways scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto("/");
    await waitForHydration(page);
    await expectNoAccessibilityViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("404 page has no violations", async ({ page }) => {
    await page.goto("/introuvable");
    await expectNoAccessibilityViolations(page);
  });
});
