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

// A cohort's whole cycle (issue 19), on the demo cohort itself: this file
// runs after every other journey (its own Playwright project), since
// concluding the demo cohort ends the pairs they work in.
const COORDINATOR = { email: "coordination@demo.mentorat.example", password: "demo-coordination" };
const MENTOR = { email: "marc.tremblay@demo.mentorat.example", password: "demo-mentor-2025" };

test.describe.configure({ mode: "serial" });

test.describe("a cohort's cycle", () => {
  test("the coordinator carries the demo cohort's mentors over to the next one, and a mentor confirms by the link", async ({
    browser,
    page,
  }) => {
    const errors = watchForErrors(page);
    await signIn(page, COORDINATOR.email, COORDINATOR.password);
    await page.goto("/coordinator/cohorts/hiver-2027");
    await waitForHydration(page);
    await page.getByRole("link", { name: "Reconduire des mentors" }).click();
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reconduire des mentors — Hiver 2027");
    await expect(page.getByLabel("Mentors de la cohorte")).toHaveValue("hiver-2025");
    await expect(page.getByText("Aucun mentor n’a encore été invité")).toBeVisible();
    await expectNoAccessibilityViolations(page);
    const marc = page.getByRole("checkbox", { name: /Marc Tremblay/ });
    await expect(marc).toBeChecked();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Demander leur confirmation" }).click();
    await expect(page.getByRole("status").filter({ hasText: "demande(s) de confirmation envoyée(s)" })).toBeVisible();
    const asked = page.getByRole("row", { name: /Marc Tremblay/ });
    await expect(asked).toContainText("En attente");
    await expectNoAccessibilityViolations(page);

    // Marc's page reminds him; his answer is his own page, linked from the email.
    const mentor = await openAs(browser, MENTOR, "/mentor");
    await mentor.page.getByRole("link", { name: "Hiver 2027 : confirmez votre participation" }).click();
    await waitForHydration(mentor.page);
    await expect(mentor.page.getByRole("heading", { level: 1 })).toHaveText("Cohorte Hiver 2027");
    await expectNoAccessibilityViolations(mentor.page);
    await mentor.page.getByLabel("Nombre de personnes mentorées que vous pouvez accompagner").fill("0");
    await mentor.page.getByRole("button", { name: "Confirmer ma participation" }).click();
    await expect(mentor.page.locator("#capacity-error")).not.toBeEmpty();
    await mentor.page.getByLabel("Nombre de personnes mentorées que vous pouvez accompagner").fill("4");
    await mentor.page.locator("#field-availability-tue-evening").check();
    await mentor.page.getByRole("button", { name: "Confirmer ma participation" }).click();
    await expect(mentor.page.getByRole("status").filter({ hasText: "Votre réponse est enregistrée." })).toBeVisible();
    await expect(mentor.page.locator(".badge", { hasText: "Confirmé" })).toBeVisible();
    expect(mentor.errors).toEqual([]);
    await mentor.context.close();

    await page.reload();
    await expect(page.getByRole("row", { name: /Marc Tremblay/ })).toContainText("Confirmé");
    expect(errors).toEqual([]);
  });

  test("the coordinator imports five mentees into the demo cohort, then concludes it after reading what will change", async ({
    page,
  }) => {
    const errors = watchForErrors(page);
    await signIn(page, COORDINATOR.email, COORDINATOR.password);

    // Opening: five mentees imported, one line wrong; nothing is sent before
    // the preview's confirmation, and only the ready lines are invited.
    const stamp = Date.now();
    await page.goto("/coordinator/people");
    await page.getByRole("link", { name: "Importer une liste de mentoré·e·s" }).click();
    await waitForHydration(page);
    await page.getByLabel("Cohorte").selectOption({ label: "Hiver 2025" });
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

    // Closing: the preview lists the pairs that will be completed; nothing
    // changes before the confirmation.
    await page.goto("/coordinator/cohorts/hiver-2025");
    await waitForHydration(page);
    await page.getByRole("link", { name: "Conclure la cohorte…" }).click();
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Conclure la cohorte Hiver 2025");
    await expect(page.getByText("Aucun jumelage actif.")).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
    const questions: string[] = [];
    page.once("dialog", (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole("button", { name: "Conclure la cohorte" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Conclure la cohorte Hiver 2025");
    expect(sql("SELECT closed_at IS NULL FROM cohorts WHERE code = 'hiver-2025'")).toEqual("1");
    page.once("dialog", (dialog) => {
      questions.push(dialog.message());
      void dialog.accept();
    });
    await page.getByRole("button", { name: "Conclure la cohorte" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Cohorte conclue" })).toContainText(
      /Jumelages menés à terme : [1-9]\d* ;/,
    );
    await expect(page.getByText("Cette cohorte a été conclue le")).toBeVisible();
    expect(questions).toEqual([
      "Conclure la cohorte Hiver 2025 ? Cette action est définitive.",
      "Conclure la cohorte Hiver 2025 ? Cette action est définitive.",
    ]);
    await expectNoAccessibilityViolations(page);

    await page.goto("/coordinator/cohorts");
    const row = page.getByRole("row", { name: /Hiver 2025/ });
    await expect(row.getByRole("cell", { name: /^Conclue le / })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("a mentee whose pair the closing completed writes a testimonial; approved, it shows on the home page in French and on the English page", async ({
    browser,
    page,
  }) => {
    // A demo mentee whose pair the closing just completed.
    const email = sql(
      "SELECT a.email FROM accounts a JOIN profiles p ON p.account_id = a.id " +
        "JOIN pairs x ON x.mentee_profile_id = p.id JOIN cohorts c ON c.id = x.cohort_id " +
        "WHERE x.status = 'completed' AND c.code = 'hiver-2025' AND a.email LIKE '%@demo.mentorat.example' " +
        "ORDER BY a.email LIMIT 1",
    );
    expect(email).toContain("@demo.mentorat.example");
    const quote = `Mon mentor m’a appris à présenter mon projet en cinq minutes (${Date.now() % 100000}).`;

    const mentee = await openAs(browser, { email, password: "demo-mentee-2025" }, "/mentee");

    // The end-of-cycle evaluation the closing sent: a draft first, then the answers, final.
    const evaluation = mentee.page.locator(".invite-line", { hasText: "Évaluation de fin de parcours" });
    await expect(evaluation).toContainText("Hiver 2025");
    await expectNoAccessibilityViolations(mentee.page);
    await evaluation.getByRole("link", { name: "Répondre" }).click();
    await waitForHydration(mentee.page);
    await expect(mentee.page.getByRole("heading", { level: 1 })).toHaveText(
      "Évaluation de fin de parcours — Hiver 2025",
    );
    const scale = (question: string) => mentee.page.getByRole("radiogroup", { name: question });
    await scale("Dans l’ensemble, êtes-vous satisfait·e de votre expérience de mentorat ?")
      .getByLabel("5", { exact: true })
      .check();
    await mentee.page.getByLabel("Qu’est-ce qui a le mieux fonctionné pour vous ?").fill("Les rencontres du mardi.");
    await expectNoAccessibilityViolations(mentee.page);
    await mentee.page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await expect(mentee.page.getByRole("status").filter({ hasText: "Brouillon enregistré." })).toBeVisible();
    await expect(mentee.page.getByLabel("Qu’est-ce qui a le mieux fonctionné pour vous ?")).toHaveValue(
      "Les rencontres du mardi.",
    );
    for (const question of [
      "Dans quelle mesure avez-vous atteint les objectifs fixés avec votre mentor·e ?",
      "Comment qualifiez-vous votre relation avec votre mentor·e ?",
      "Recommanderiez-vous le programme à une autre personne étudiante ?",
    ]) {
      await scale(question).getByLabel("4", { exact: true }).check();
    }
    mentee.page.once("dialog", (dialog) => void dialog.accept());
    await mentee.page.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await expect(mentee.page.locator(".notice-success")).toContainText("Vos réponses ont été envoyées");
    await expect(mentee.page.locator("dl.answer-list")).toContainText("Les rencontres du mardi.");
    await expect(mentee.page.getByRole("button", { name: "Envoyer mes réponses" })).toHaveCount(0);
    await expectNoAccessibilityViolations(mentee.page);

    await mentee.page.goto("/mentee");
    await waitForHydration(mentee.page);
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

    // The coordination reads the evaluation's results: the answer sent is counted.
    await page.goto("/coordinator/evaluations?cohort=hiver-2025&kind=evaluation");
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Évaluations");
    await expect(page.getByText("Les rencontres du mardi.")).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.getByRole("link", { name: "Modifier les questions des questionnaires" }).click();
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Questions des questionnaires");
    await expectNoAccessibilityViolations(page);
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
