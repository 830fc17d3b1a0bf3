import { expect, test } from "@playwright/test";
import { expectNoAccessibilityViolations, registerMentee, signIn, waitForHydration, watchForErrors } from "./helpers";

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

  test("a new mentee asks for deletion, the privacy officer confirms it, and she can no longer sign in", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const errors = watchForErrors(page);
    const email = `effacee-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.example`;
    const password = "green-kite-harbour-e2e";
    await registerMentee(page, browser, "Éloïse Effacée", email, password);

    await page.goto("/account/privacy");
    await waitForHydration(page);
    const deletion = page.locator("section.panel").filter({
      has: page.getByRole("heading", { name: "Supprimer vos renseignements" }),
    });
    // Not ticked: the box says why; then asked, after a confirmation.
    page.once("dialog", (dialog) => dialog.accept());
    await deletion.getByRole("button", { name: "Demander la suppression de mes renseignements" }).click();
    await waitForHydration(page);
    await expect(page.locator("#understood-error")).not.toBeEmpty();
    await page.getByLabel("Je comprends que la suppression est définitive.").check();
    page.once("dialog", (dialog) => dialog.accept());
    await page.getByRole("button", { name: "Demander la suppression de mes renseignements" }).click();
    await waitForHydration(page);
    await expect(page.getByText(/Vous avez demandé la suppression de vos renseignements le/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Retirer ma demande de suppression" })).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // The officer finds it from the coordination's home and confirms it.
    const officerContext = await browser.newContext();
    const officer = await officerContext.newPage();
    const officerErrors = watchForErrors(officer);
    await signIn(officer, OFFICER.email, OFFICER.password);
    await expect(officer).toHaveURL(/\/coordinator$/);
    await officer.getByRole("link", { name: "Suppressions et conservation" }).click();
    await expect(officer).toHaveURL(/\/coordinator\/privacy\/deletions$/);
    await waitForHydration(officer);
    await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Demandes de suppression");
    await expectNoAccessibilityViolations(officer);
    const request = officer.locator("article.card").filter({ hasText: "Éloïse Effacée" });
    await request.getByLabel("Ce que le programme conserve, et pourquoi").fill("Rien de plus que les chiffres anonymes.");
    await request.getByLabel(/Je confirme/).check();
    officer.once("dialog", (dialog) => dialog.accept());
    await request.getByRole("button", { name: "Supprimer ses renseignements" }).click();
    await waitForHydration(officer);
    await expect(officer.getByRole("status").filter({ hasText: "Les renseignements de la personne sont effacés." })).toBeVisible();
    await expect(officer.locator("article.card").filter({ hasText: "Éloïse Effacée" })).toHaveCount(0);
    await expect(officer.getByRole("cell", { name: "Rien de plus que les chiffres anonymes." }).first()).toBeVisible();
    await expect(officer.getByText("Éloïse Effacée")).toHaveCount(0);
    await expectNoAccessibilityViolations(officer);

    // What the next retention run would remove, before it does.
    await officer.getByRole("link", { name: "Durées de conservation" }).first().click();
    await expect(officer).toHaveURL(/\/coordinator\/privacy\/retention$/);
    await waitForHydration(officer);
    await expect(officer.getByRole("heading", { name: "Le prochain passage" })).toBeVisible();
    await expect(officer.getByLabel("Candidatures refusées ou retirées (mois)")).toHaveValue(/\d+/);
    await expectNoAccessibilityViolations(officer);
    expect(officerErrors).toEqual([]);
    await officerContext.close();

    // Her session is over, and her password no longer opens anything.
    await page.goto("/account/privacy");
    await expect(page).toHaveURL(/\/login/);
    await waitForHydration(page);
    await page.getByLabel("Adresse courriel").fill(email);
    await page.getByLabel("Mot de passe").fill(password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("alert")).toContainText("Adresse courriel ou mot de passe incorrect");
    await expect(page).toHaveURL(/\/login/);
    expect(errors).toEqual([]);
  });
});
