import { expect, test } from "@playwright/test";
import { expectNoAccessibilityViolations, waitForHydration, watchForErrors, signIn } from "./helpers";

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
});
