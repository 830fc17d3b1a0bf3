import { expect, test, type Page } from "@playwright/test";
import { expectNoAccessibilityViolations, registerMentee, waitForHydration, watchForErrors, signIn } from "./helpers";

// Demo accounts (loaded with MENTORAT_DEMO_DATA=true, as scripts/test.sh does).
const COORDINATOR = { email: "coordination@demo.mentorat.example", password: "demo-coordination" };

function unique(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.example`;
}

/** Fills the public application form; `employed: false` makes it ineligible. */
async function fillApplication(page: Page, name: string, email: string, employed: boolean): Promise<void> {
  await page.getByLabel("Nom complet").fill(name);
  await page.getByLabel("Adresse courriel").fill(email);
  await page.getByLabel("Plus haut diplôme obtenu").selectOption("master");
  await page.getByLabel("Domaine du diplôme").fill("Travail social");
  await page.getByLabel("Année d’obtention").fill("2010");
  const work = page.getByRole("radiogroup", { name: "Occupez-vous actuellement un emploi ?" });
  await work.getByLabel(employed ? "Oui" : "Non").check();
  if (employed) {
    await page.getByLabel("Employeur").fill("CLSC Hochelaga-Maisonneuve");
    await page.getByLabel("Titre du poste").fill("Travailleuse sociale");
    await page.getByLabel("Secteur").selectOption("health-network");
  }
  const research = page.getByRole("radiogroup", { name: /domaine de la recherche/ });
  await research.getByLabel("Non").check();
  await page.getByRole("group", { name: "Vos domaines d’expertise" }).getByLabel("Travail social").check();
  await page.getByRole("group", { name: "Vos domaines d’expertise" }).getByLabel("Santé mentale et dépendances").check();
  const skills = page.getByRole("group", { name: "Les compétences que vous pouvez transmettre" });
  await skills.getByLabel("Préparation aux entrevues").check();
  await skills.getByLabel(/Techniques d.intervention/).check();
  await page.getByLabel("Français").selectOption("fluent");
  await page.getByLabel("Anglais").selectOption("working");
  await page.getByRole("radiogroup", { name: "Modalité des rencontres" }).getByLabel("L’un ou l’autre").check();
  await page.getByLabel("Mardi, Soir").check();
  await page.getByLabel("Samedi, Matin").check();
  await page.getByLabel("Nombre de mentoré·e·s que vous pouvez suivre en même temps").selectOption("2");
  await page.getByLabel("Votre motivation").fill("Transmettre ce que le terrain m’a appris.");
  await page.getByLabel(/J’ai lu/).check();
}

test.describe("enrolment", () => {
  test("a candidate applies, answers a question, is accepted and signs in from the invitation", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const candidateContext = await browser.newContext();
    const candidate = await candidateContext.newPage();
    const candidateErrors = watchForErrors(candidate);

    // A first, incomplete try: every problem is shown at once, nothing typed is lost.
    await candidate.goto("/apply");
    await waitForHydration(candidate);
    await candidate.getByLabel("Nom complet").fill("Inès Tremblay");
    await candidate.getByRole("button", { name: "Envoyer ma candidature" }).click();
    await expect(candidate.locator("#email-error")).toHaveText("Ce champ est obligatoire.");
    await expect(candidate.locator("#domains-error")).toHaveText("Choisissez au moins une option.");
    await expect(candidate.locator("#consent-error")).not.toBeEmpty();
    await expect(candidate.getByLabel("Nom complet")).toHaveValue("Inès Tremblay");

    // An ineligible application: the reasons are said kindly.
    const email = unique("candidate");
    await candidate.reload();
    await waitForHydration(candidate);
    await fillApplication(candidate, "Inès Tremblay", email, false);
    await candidate.getByRole("button", { name: "Envoyer ma candidature" }).click();
    await expect(candidate).toHaveURL(/\/application\//);
    await expect(candidate.getByText("Le programme accueille des mentor·e·s qui occupent actuellement un emploi.")).toBeVisible();

    // Then an eligible one.
    await candidate.goto("/apply");
    await waitForHydration(candidate);
    await fillApplication(candidate, "Inès Tremblay", email, true);
    await candidate.getByRole("button", { name: "Envoyer ma candidature" }).click();
    await expect(candidate).toHaveURL(/\/application\//);
    await expect(candidate.getByRole("heading", { level: 1 })).toHaveText("Bonjour Inès Tremblay");
    await expect(candidate.getByText("À examiner")).toBeVisible();
    await expect(candidate.getByText(/critères du programme/)).toHaveCount(0);
    const privateLink = new URL(candidate.url()).pathname;

    // The coordinator asks for more information.
    const errors = watchForErrors(page);
    await signIn(page, COORDINATOR.email, COORDINATOR.password);
    await expect(page).toHaveURL(/\/coordinator$/);
    await page.getByRole("link", { name: "Candidatures de mentor·e·s" }).click();
    await page.getByLabel("Admissibilité").selectOption("eligible");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/eligibility=eligible/);
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toHaveCount(1);
    await row.getByRole("link", { name: "Inès Tremblay" }).click();
    await waitForHydration(page);
    await expect(page.getByText("Admissible : diplôme, emploi et profession hors recherche.")).toBeVisible();
    await expect(page.getByText("Autres candidatures de la même adresse :")).toBeVisible();
    await page.getByLabel("Votre question").fill("Depuis combien d’années travaillez-vous en CLSC ?");
    await page.getByRole("button", { name: "Envoyer la demande" }).click();
    await expect(page.locator(".badge").first()).toHaveText("Complément demandé");

    // The candidate answers through the private link.
    await candidate.goto(privateLink);
    await waitForHydration(candidate);
    await expect(candidate.getByText("Depuis combien d’années travaillez-vous en CLSC ?")).toBeVisible();
    await candidate.getByLabel("Répondre à l’équipe").fill("Depuis huit ans, à Hochelaga.");
    await candidate.getByRole("button", { name: "Envoyer ma réponse" }).click();
    await expect(candidate.getByText("À examiner")).toBeVisible();

    // The coordinator sees the answer and accepts.
    await page.reload();
    await waitForHydration(page);
    await expect(page.getByText("Depuis huit ans, à Hochelaga.")).toBeVisible();
    await page.getByLabel("Cohorte").selectOption("hiver-2025");
    await page.getByRole("button", { name: "Accepter et inviter" }).click();
    await expect(page.locator(".badge").first()).toHaveText("Acceptée");
    await expect(page.getByRole("heading", { name: "Décision" })).toHaveCount(0);

    // The invitation waits in the outbox; the new mentor opens it.
    await page.goto("/coordinator/outbox");
    const message = page.locator(".message", { hasText: email }).filter({ hasText: "Invitation" });
    const link = await message.locator(".message-link a").getAttribute("href");
    expect(link).toContain("/invitation/");
    expect(errors).toEqual([]);

    await candidate.goto(new URL(link ?? "", page.url()).pathname);
    await waitForHydration(candidate);
    await candidate.getByLabel("Nouveau mot de passe").fill("quiet-harbour-dawn-e2e");
    await candidate.getByLabel(/J’ai lu/).check();
    await candidate.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(candidate).toHaveURL(/\/mentor$/);
    await candidate.getByRole("link", { name: "Mon profil" }).click();
    await expect(candidate).toHaveURL(/\/profile$/);
    await waitForHydration(candidate);
    // The profile was made from the application.
    await expect(candidate.getByText("Hiver 2025")).toBeVisible();
    await expect(candidate.getByText("Profil rempli à 100 %")).toBeVisible();
    const domains = candidate.getByRole("group", { name: "Vos domaines d’expertise" });
    await expect(domains.getByLabel("Travail social")).toBeChecked();
    await expect(candidate.getByLabel("Mardi, Soir")).toBeChecked();
    await expect(candidate.getByLabel("Nombre de mentoré·e·s que vous pouvez suivre en même temps")).toHaveValue("2");
    // The refused first try answered 400 on purpose; the browser logs any 4xx.
    expect(candidateErrors.filter((error) => !/status of 400/.test(error))).toEqual([]);
    await candidateContext.close();
  });

  test("a mentee completes a profile and watches it become complete", async ({ page, browser }) => {
    const errors = watchForErrors(page);
    const email = unique("mentee");
    await registerMentee(page, browser, "Rosalie Étudiante", email);

    await page.getByRole("link", { name: "Mon profil" }).click();
    await waitForHydration(page);
    await expect(page.getByText("Profil rempli à 0 %")).toBeVisible();
    await page.getByLabel("Programme d’études").fill("Baccalauréat en sciences infirmières");
    await page.getByLabel("Établissement").fill("Université de Montréal");
    await page.getByLabel("Année d’études").selectOption("2");
    await page.getByRole("group", { name: "Vos domaines d’intérêt" }).getByLabel("Soins infirmiers").check();
    await page.getByRole("group", { name: "Ce que vous voulez apprendre" }).getByLabel("Préparation aux entrevues").check();
    await page.getByLabel("Français").selectOption("fluent");
    await page.getByRole("button", { name: "Enregistrer mon profil" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Profil enregistré." })).toBeVisible();
    await expect(page.getByText("Profil rempli à 75 %")).toBeVisible();
    await expect(page.locator(".missing-items")).toContainText("Disponibilités habituelles");

    await page.getByRole("radiogroup", { name: "Modalité des rencontres" }).getByLabel("En visioconférence").check();
    await page.getByLabel("Jeudi, Soir").check();
    await page.getByRole("button", { name: "Enregistrer mon profil" }).click();
    await expect(page.getByText("Profil rempli à 100 %")).toBeVisible();
    await page.reload();
    await waitForHydration(page);
    await expect(page.getByLabel("Établissement")).toHaveValue("Université de Montréal");
    await expect(page.getByLabel("Jeudi, Soir")).toBeChecked();
    expect(errors).toEqual([]);
  });

  test("the enrolment pages have no accessibility violations", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto("/apply");
    await waitForHydration(page);
    await expectNoAccessibilityViolations(page);
    // The form with every error showing.
    await page.getByRole("button", { name: "Envoyer ma candidature" }).click();
    await expect(page.locator("#email-error")).not.toBeEmpty();
    await expectNoAccessibilityViolations(page);

    await fillApplication(page, "Axe Candidate", unique("axe"), true);
    await page.getByRole("button", { name: "Envoyer ma candidature" }).click();
    await expect(page).toHaveURL(/\/application\//);
    await waitForHydration(page);
    await expectNoAccessibilityViolations(page);

    await signIn(page, COORDINATOR.email, COORDINATOR.password);
    await expect(page).toHaveURL(/\/coordinator$/);
    for (const path of [
      "/coordinator/applications",
      "/coordinator/applications/4",
      "/coordinator/cohorts",
      "/coordinator/cohorts/hiver-2025",
      "/coordinator/taxonomy",
    ]) {
      await page.goto(path);
      await waitForHydration(page);
      await expectNoAccessibilityViolations(page);
    }
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await signIn(page, "amina.diallo@demo.mentorat.example", "demo-mentee-2025");
    await expect(page).toHaveURL(/\/mentee$/);
    await page.goto("/profile");
    await waitForHydration(page);
    await expectNoAccessibilityViolations(page);
  });
});
