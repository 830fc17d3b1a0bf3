import { expect, test } from "@playwright/test";
import { expectNoAccessibilityViolations, signIn, waitForHydration, watchForErrors } from "./helpers";

// The demo coordinator holds the charge of privacy officer, and the demo
// names a person in charge (server/src/demo.rs). Nothing here hands the
// charge over: the other journeys keep the demo as it is.
const OFFICER = { email: "coordination@demo.mentorat.example", password: "demo-coordination" };

test.describe("privacy (Law 25): the public page and the privacy officer's pages", () => {
  test("the privacy page names the person in charge and says how to use each right, in both languages", async ({
    page,
    context,
    baseURL,
  }) => {
    const errors = watchForErrors(page);
    await page.goto("/privacy");
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Protection des renseignements personnels");
    await expect(page.getByText(/^Version \d+ de l’avis de confidentialité/)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Exercer vos droits dans l’application" })).toBeVisible();
    await expect(page.getByRole("link", { name: "vie.privee@demo.mentorat.example" })).toHaveAttribute(
      "href",
      "mailto:vie.privee@demo.mentorat.example",
    );
    await expectNoAccessibilityViolations(page);

    await context.addCookies([{ name: "i18n_pref_locale", value: "en", url: baseURL ?? "http://127.0.0.1:3000" }]);
    await page.goto("/privacy");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await waitForHydration(page);
    await expect(page.getByRole("heading", { name: "How to use your rights in the app" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    expect(errors).toEqual([]);
  });

  test("the privacy officer's pages have no accessibility violations, empty, with errors and with an incident", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const errors = watchForErrors(page);
    await signIn(page, OFFICER.email, OFFICER.password);
    await expect(page).toHaveURL(/\/coordinator$/);
    await waitForHydration(page);
    await page.getByRole("link", { name: "Vie privée", exact: true }).click();
    await expect(page).toHaveURL(/\/coordinator\/privacy$/);
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vie privée");
    await expect(page.getByLabel("Fonction (en français)")).not.toHaveValue("");
    await expectNoAccessibilityViolations(page);

    await page.goto("/coordinator/privacy/notice");
    await waitForHydration(page);
    await expect(page.getByLabel("Texte de l’avis, en français")).not.toHaveValue("");
    await expectNoAccessibilityViolations(page);

    await page.goto("/coordinator/privacy/incidents");
    await waitForHydration(page);
    await expectNoAccessibilityViolations(page);
    // Sent empty, the form comes back with each field's problem.
    await page.getByRole("button", { name: "Inscrire l’incident" }).click();
    await waitForHydration(page);
    await expect(page.locator("#nature-error")).not.toBeEmpty();
    await expectNoAccessibilityViolations(page);

    // A serious risk not notified yet: the register warns.
    await page.getByLabel("Survenu le").fill("2026-11-20");
    await page.getByLabel("Constaté le").fill("2026-11-21");
    await page.getByLabel("Nature de l’incident").fill("Une liste de mentoré·e·s envoyée à une mauvaise adresse.");
    await page.getByLabel("Renseignements personnels visés").fill("Noms et adresses courriel.");
    await page.getByLabel("Personnes concernées", { exact: true }).fill("Des mentoré·e·s de la cohorte Hiver 2025.");
    await page.getByLabel(/Nombre approximatif/).fill("12");
    await page.getByRole("radiogroup", { name: "Risque de préjudice sérieux" }).getByLabel("Risque sérieux").check();
    await page.getByLabel("Motifs de l’évaluation du risque").fill("Envoyée hors du réseau.");
    await page.getByLabel("Mesures prises").fill("Demande de suppression au destinataire.");
    await page.getByRole("button", { name: "Inscrire l’incident" }).click();
    await waitForHydration(page);
    await expect(page.getByRole("status").filter({ hasText: "Incident inscrit au registre." })).toBeVisible();
    await expect(page.getByText("Avis à faire").first()).toBeVisible();
    await expectNoAccessibilityViolations(page);

    await page.getByRole("link", { name: /Modifier l’incident no/ }).first().click();
    await expect(page).toHaveURL(/\/coordinator\/privacy\/incidents\/\d+$/);
    await waitForHydration(page);
    await expect(page.getByLabel("Survenu le")).not.toHaveValue("");
    await expectNoAccessibilityViolations(page);
    expect(errors).toEqual([]);
  });
});

test.describe("privacy (Law 25): a person's own information", () => {
  test("a mentee downloads her data, withdraws an optional consent, and the officer reads who read what", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const errors = watchForErrors(page);
    await signIn(page, "lucas.roy@demo.mentorat.example", "demo-mentee-2025");
    await expect(page).toHaveURL(/\/mentee$/);
    // Gathering notices into a weekly email is an optional consent, given by choosing it.
    await page.goto("/account");
    await waitForHydration(page);
    await page.getByLabel("Un résumé par semaine").check();
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await waitForHydration(page);
    await page.getByRole("link", { name: "Vos renseignements personnels" }).click();
    await expect(page).toHaveURL(/\/account\/privacy$/);
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vos renseignements personnels");
    await expect(page.getByText("Participer au programme de mentorat")).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // One click, one file: the JSON and the page to read, in a ZIP.
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Télécharger mes données (ZIP)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^mentorat-data-\d{4}-\d{2}-\d{2}\.zip$/);
    const saved = await download.path();
    expect(saved).toBeTruthy();

    // Withdrawing asks first; cancelling changes nothing.
    const digest = page.locator("li.consent-item").filter({ hasText: "Regrouper mes avis" });
    page.once("dialog", (dialog) => dialog.dismiss());
    await digest.getByRole("button", { name: "Retirer ce consentement" }).click();
    await expect(digest.getByText("En vigueur")).toBeVisible();
    page.once("dialog", (dialog) => dialog.accept());
    await digest.getByRole("button", { name: "Retirer ce consentement" }).click();
    await waitForHydration(page);
    await expect(page.getByRole("status").filter({ hasText: "Consentement retiré." })).toBeVisible();
    await expect(
      page.locator("li.consent-item").filter({ hasText: "Regrouper mes avis" }).getByText(/^Retiré le/),
    ).toBeVisible();
    await page.goto("/account");
    await expect(page.getByLabel("Chaque avis tout de suite")).toBeChecked();

    // On a phone, the page fits: no sideways scrolling.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto("/account/privacy");
    await waitForHydration(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  test("the privacy officer's log of reads lists the coordination's readings and has no violation", async ({
    page,
  }) => {
    const errors = watchForErrors(page);
    await signIn(page, OFFICER.email, OFFICER.password);
    await page.goto("/coordinator/privacy/reads");
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Journal des consultations");
    await expectNoAccessibilityViolations(page);
    await page.getByLabel("Quoi").selectOption("export");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/what=export/);
    await waitForHydration(page);
    await expectNoAccessibilityViolations(page);
    expect(errors).toEqual([]);
  });
});
