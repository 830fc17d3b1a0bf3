import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoAccessibilityViolations, openAs, waitForHydration, watchForErrors, signIn } from "./helpers";

/** Runs one statement on the test database (as a pair completed long ago would have left it). */
function sql(statement: string): string {
  const database = path.resolve(
    __dirname,
    "../..",
    process.env.MENTORAT_DATABASE_PATH ?? "target/e2e/mentorat.sqlite3",
  );
  return execFileSync("sqlite3", [database, statement]).toString().trim();
}

// A cohort's whole cycle (issue 19). Concluding works on a cohort of its own,
// so the demo cohort the other journeys use stays open.
const COORDINATOR = { email: "coordination@demo.mentorat.example", password: "demo-coordination" };

test.describe("a cohort's cycle", () => {
  test("the coordinator imports mentees into a new cohort, then concludes it after reading what will change", async ({
    page,
  }) => {
    const errors = watchForErrors(page);
    const name = `Printemps e2e ${Date.now()}`;
    await signIn(page, COORDINATOR.email, COORDINATOR.password);
    await page.goto("/coordinator/cohorts");
    await waitForHydration(page);
    const form = page.locator("section", { has: page.getByRole("heading", { name: "Nouvelle cohorte" }) });
    await form.getByLabel("Nom en français").fill(name);
    await form.getByLabel("Nom en anglais").fill(`Spring e2e`);
    await form.getByLabel("Début").fill("2026-03-02");
    await form.getByLabel("Fin").fill("2026-06-26");
    await form.getByRole("button", { name: "Créer la cohorte" }).click();

    // Opening: five mentees imported into it, one line wrong; nothing is sent
    // before the preview's confirmation, and only the ready lines are invited.
    const stamp = Date.now();
    await page.goto("/coordinator/people");
    await page.getByRole("link", { name: "Importer une liste de mentoré·e·s" }).click();
    await waitForHydration(page);
    await page.getByLabel("Cohorte").selectOption({ label: name });
    await page.getByLabel("Liste", { exact: true }).fill(
      [
        "Nom;Courriel;Langue",
        `Ana Import;ana.${stamp}@import.example;fr`,
        `Ben Import;ben.${stamp}@import.example;en`,
        `Cleo Import;cleo.${stamp}@import.example;`,
        `Dan Import;not-an-address;fr`,
        `Eva Import;eva.${stamp}@import.example;anglais`,
      ].join("\n"),
    );
    await expectNoAccessibilityViolations(page);
    await page.getByRole("button", { name: "Voir l’aperçu" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aperçu de l’import");
    await waitForHydration(page);
    await expect(page.getByText("4 lignes prêtes")).toBeVisible();
    await expect(page.getByRole("row", { name: /Dan Import/ })).toContainText("Ce n’est pas une adresse courriel.");
    await expectNoAccessibilityViolations(page);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Envoyer 4 invitations" }).click();
    await expect(page.getByRole("status").filter({ hasText: "invitations envoyées" })).toHaveText(
      "4 invitations envoyées.",
    );
    await page.goto("/coordinator/outbox");
    await expect(page.locator(".message", { hasText: `ben.${stamp}@import.example` })).toContainText(
      "Invitation",
    );

    await page.goto("/coordinator/cohorts");
    await page.getByRole("link", { name }).click();
    await waitForHydration(page);

    await page.getByRole("link", { name: "Conclure la cohorte…" }).click();
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Conclure la cohorte ${name}`);
    await expect(page.getByText("Cette cohorte s’est terminée le")).toBeVisible();
    await expect(page.getByText("Aucun jumelage actif.")).toBeVisible();
    await expectNoAccessibilityViolations(page);

    const questions: string[] = [];
    page.once("dialog", (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole("button", { name: "Conclure la cohorte" }).click();
    await expect(page.getByText("Aucun jumelage actif.")).toBeVisible();
    page.once("dialog", (dialog) => {
      questions.push(dialog.message());
      void dialog.accept();
    });
    await page.getByRole("button", { name: "Conclure la cohorte" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Cohorte conclue" })).toHaveText(
      "Cohorte conclue. Jumelages menés à terme : 0 ; propositions retirées : 0.",
    );
    await expect(page.getByText("Cette cohorte a été conclue le")).toBeVisible();
    expect(questions).toEqual([
      `Conclure la cohorte ${name} ? Cette action est définitive.`,
      `Conclure la cohorte ${name} ? Cette action est définitive.`,
    ]);
    await expectNoAccessibilityViolations(page);

    await page.goto("/coordinator/cohorts");
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row.getByRole("cell", { name: /^Conclue le / })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("a mentee writes a testimonial once her pair is completed; approved, it shows on the home page in French and on the English page", async ({
    browser,
    page,
  }) => {
    // A completed pair for a demo mentee who never had one, written in the
    // database: concluding the demo cohort would end the other journeys' pairs.
    const email = sql(
      "SELECT a.email FROM accounts a JOIN profiles p ON p.account_id = a.id " +
        "WHERE p.role = 'mentee' AND a.email LIKE '%@demo.mentorat.example' " +
        "AND NOT EXISTS (SELECT 1 FROM pairs x WHERE x.mentee_profile_id = p.id) ORDER BY a.email DESC LIMIT 1",
    );
    expect(email).toContain("@demo.mentorat.example");
    sql(
      "INSERT INTO pairs (cohort_id, mentee_profile_id, mentor_profile_id, status, score, mentee_answer, " +
        "mentor_answer, proposed_at, activated_at, closed_at) " +
        "SELECT e.cohort_id, e.id, (SELECT r.id FROM profiles r WHERE r.role = 'mentor' AND r.account_id IS NOT NULL " +
        "ORDER BY r.id DESC LIMIT 1), 'completed', 70, 'accepted', 'accepted', '2025-01-20T15:00:00Z', " +
        `'2025-01-21T15:00:00Z', '2025-06-20T15:00:00Z' FROM profiles e JOIN accounts a ON a.id = e.account_id WHERE a.email = '${email}'`,
    );
    const quote = `Mon mentor m’a appris à présenter mon projet en cinq minutes (${Date.now() % 100000}).`;

    const mentee = await openAs(browser, { email, password: "demo-mentee-2025" }, "/mentee");
    await mentee.page.getByRole("link", { name: "Écrire mon témoignage" }).click();
    await waitForHydration(mentee.page);
    await expect(mentee.page.getByRole("heading", { level: 1 })).toHaveText("Mon témoignage");
    await mentee.page.getByLabel("Votre témoignage").fill(quote);
    await mentee.page.getByLabel("Langue du témoignage").selectOption("fr");
    await mentee.page.getByLabel(/^Mon prénom seulement/).check();
    await expectNoAccessibilityViolations(mentee.page);
    await mentee.page.getByRole("button", { name: "Envoyer pour approbation" }).click();
    await expect(mentee.page.getByRole("status").filter({ hasText: "Témoignage envoyé" })).toBeVisible();
    await expect(mentee.page.getByText("En attente d’approbation")).toBeVisible();
    const signature = await mentee.page.locator('label[for="field-signature-first_name"]').textContent();
    const firstName = (signature ?? "").replace(/^Mon prénom seulement : /, "").trim();
    expect(firstName).not.toEqual("");
    expect(mentee.errors).toEqual([]);
    await mentee.context.close();

    // Not on the home page before the coordination approves it.
    await page.goto("/");
    await expect(page.getByText(quote)).toHaveCount(0);

    const errors = watchForErrors(page);
    await signIn(page, COORDINATOR.email, COORDINATOR.password);
    await page.goto("/coordinator/testimonials");
    await waitForHydration(page);
    const card = page.locator("article", { hasText: quote });
    await expect(card).toContainText(`Signé sur la page d’accueil : ${firstName}`);
    await expectNoAccessibilityViolations(page);
    await card.getByRole("button", { name: "Approuver" }).click();
    await expect(page.locator("article", { hasText: quote })).toContainText("Publié sur la page d’accueil");
    expect(errors).toEqual([]);

    // On the home page in French, and on the English page, marked as French.
    await page.goto("/");
    const published = page.locator("figure.testimonial", { hasText: quote });
    await expect(published.locator("blockquote")).toHaveAttribute("lang", "fr");
    await expect(published.locator("figcaption")).toHaveText(firstName);
    await page.context().addCookies([{ name: "i18n_pref_locale", value: "en", url: page.url() }]);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const inEnglish = page.locator("figure.testimonial", { hasText: quote });
    await expect(inEnglish.locator("blockquote")).toHaveAttribute("lang", "fr");
    await expect(inEnglish.locator("figcaption")).toHaveText(`${firstName} (in French)`);
    await expectNoAccessibilityViolations(page);
  });
});
