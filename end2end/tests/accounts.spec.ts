import { expect, test, type Page } from "@playwright/test";
import {
  confirmationPath,
  expectNoAccessibilityViolations,
  registerMentee,
  signIn,
  waitForHydration,
  watchForErrors,
} from "./helpers";

// Demo accounts (loaded with MENTORAT_DEMO_DATA=true, as scripts/test.sh does).
const COORDINATOR = { email: "coordination@demo.mentorat.example", password: "demo-coordination" };

function unique(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.example`;
}

test.describe("accounts", () => {
  test("a coordinator invites a mentor, who opens the link from the outbox and reaches the mentor area", async ({
    page,
    browser,
  }) => {
    const errors = watchForErrors(page);
    await signIn(page, COORDINATOR.email, COORDINATOR.password);
    await expect(page).toHaveURL(/\/coordinator$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour, Claire Gagnon");
    await expect(page.getByRole("link", { name: "Mon compte" })).toBeVisible();

    await page.getByRole("link", { name: "Personnes" }).click();
    await expect(page).toHaveURL(/\/coordinator\/people$/);
    const mentorEmail = unique("mentor");
    await page.getByLabel("Adresse courriel").fill(mentorEmail);
    await page.getByLabel("Nom affiché").fill("Nadia Mentor");
    await page.getByLabel("Rôle", { exact: true }).selectOption("mentor");
    // A mentor who did not apply needs the program's three criteria answered:
    // refused without them, and nothing typed is lost.
    await page.getByRole("button", { name: "Envoyer l’invitation" }).click();
    await expect(page.locator("#invite-diploma_level-error")).toHaveText("Ce champ est obligatoire.");
    await expect(page.getByLabel("Adresse courriel")).toHaveValue(mentorEmail);
    await expect(page.getByLabel("Rôle", { exact: true })).toHaveValue("mentor");
    const criteria = page.locator("fieldset.eligibility").first();
    await criteria.getByLabel("Plus haut diplôme obtenu").selectOption("master");
    await criteria.locator("fieldset", { hasText: "Occupez-vous" }).getByLabel("Oui").check();
    await criteria.locator("fieldset", { hasText: "recherche" }).getByLabel("Non").check();
    await page.getByRole("button", { name: "Envoyer l’invitation" }).click();
    await expect(page.getByRole("status")).toContainText(`Invitation envoyée à ${mentorEmail}`);
    await expect(page.getByRole("cell", { name: mentorEmail })).toBeVisible();

    await page.getByRole("link", { name: "Voir la boîte d’envoi" }).click();
    const message = page.locator(".message", { hasText: mentorEmail });
    await expect(message).toContainText("Invitation au programme de mentorat");
    const link = await message.locator(".message-link a").getAttribute("href");
    expect(link).toContain("/invitation/");
    expect(errors).toEqual([]);

    // The mentor, in a browser of their own.
    const mentorContext = await browser.newContext();
    const mentor = await mentorContext.newPage();
    const mentorErrors = watchForErrors(mentor);
    await mentor.goto(new URL(link ?? "", page.url()).pathname);
    await waitForHydration(mentor);
    await expect(mentor.getByText(mentorEmail)).toBeVisible();
    await expect(mentor.getByLabel("Nom affiché")).toHaveValue("Nadia Mentor");
    await mentor.getByLabel("Nouveau mot de passe").fill("short");
    await mentor.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(mentor.locator("#password-error")).toHaveText(/au moins 10 caractères/);
    await expect(mentor.getByLabel("Nom affiché")).toHaveValue("Nadia Mentor");
    await mentor.getByLabel("Nouveau mot de passe").fill("violet-kite-morning-e2e");
    await mentor.getByLabel(/J’ai lu/).check();
    await mentor.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(mentor).toHaveURL(/\/mentor$/);
    await expect(mentor.getByRole("heading", { level: 1 })).toHaveText("Bonjour, Nadia Mentor");
    await expect(mentor.getByRole("link", { name: "Mon espace" })).toBeVisible();

    // The link worked once.
    await mentor.goto(new URL(link ?? "", page.url()).pathname);
    await expect(mentor.getByRole("alert")).toContainText("n’est plus valide");
    // The short password was answered 400 and the spent link 410, on purpose; the
    // browser logs any 4xx.
    expect(mentorErrors.filter((error) => !/status of (400|410)/.test(error))).toEqual([]);
    await mentorContext.close();

    // Disabling an account asks first (the page's script, on a server-drawn form):
    // declined, nothing is sent; confirmed, the account is disabled.
    await page.goto("/coordinator/people");
    await waitForHydration(page);
    const row = page.getByRole("row", { name: new RegExp(mentorEmail) });
    const disable = row.getByRole("button", { name: "Désactiver le compte de Nadia Mentor" });
    const questions: string[] = [];
    page.once("dialog", (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await disable.click();
    await expect(row.getByRole("cell", { name: "Actif", exact: true })).toBeVisible();
    page.once("dialog", (dialog) => {
      questions.push(dialog.message());
      void dialog.accept();
    });
    await disable.click();
    await expect(row.getByRole("cell", { name: "Désactivé", exact: true })).toBeVisible();
    expect(questions).toEqual([
      "Désactiver le compte de Nadia Mentor ? La personne sera déconnectée et ne pourra plus se connecter.",
      "Désactiver le compte de Nadia Mentor ? La personne sera déconnectée et ne pourra plus se connecter.",
    ]);
    expect(errors).toEqual([]);
  });

  test("a student registers, confirms from the link, reaches the mentee area, then signs out", async ({
    page,
    browser,
  }) => {
    const errors = watchForErrors(page);
    const email = unique("mentee");
    await page.goto("/register");
    await waitForHydration(page);
    await page.getByLabel("Nom affiché").fill("Jade Étudiante");
    await page.getByLabel("Adresse courriel").fill(email);
    await page.getByLabel("Nouveau mot de passe").fill("green-kite-harbour-e2e");
    await page.getByLabel(/Je suis aux études/).check();
    await page.getByLabel(/J’ai lu/).check();
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    // No account yet: the same answer for every address.
    await expect(page.getByRole("status")).toContainText("Nous avons envoyé un courriel");
    await expect(page.getByRole("button", { name: "Se déconnecter" })).toHaveCount(0);
    await expectNoAccessibilityViolations(page);
    await page.goto(await confirmationPath(browser, email));
    await waitForHydration(page);
    await expect(page.locator(".lead")).toContainText("Jade Étudiante");
    await expectNoAccessibilityViolations(page);
    await page.getByRole("button", { name: "Confirmer et créer mon compte" }).click();
    await expect(page).toHaveURL(/\/mentee$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour, Jade Étudiante");
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("a mentee typing the coordinator's address is refused", async ({ page, browser }) => {
    await registerMentee(page, browser, "Curious Mentee", unique("curious"));
    const response = await page.goto("/coordinator/people");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");
    await expect(page.getByText(COORDINATOR.email)).toHaveCount(0);
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accès refusé");
  });

  test("a stranger is sent to sign in, then back where they were going", async ({ page }) => {
    await page.goto("/coordinator/outbox");
    await expect(page).toHaveURL(/\/login\?next=/);
    await waitForHydration(page);
    await page.getByLabel("Adresse courriel").fill(COORDINATOR.email);
    await page.getByLabel("Mot de passe").fill("not the password");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("alert")).toContainText("Adresse courriel ou mot de passe incorrect");
    await expect(page.getByLabel("Adresse courriel")).toHaveValue(COORDINATOR.email);
    await page.getByLabel("Mot de passe").fill(COORDINATOR.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/\/coordinator\/outbox$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Boîte d’envoi");
  });

  test("sign-in works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Adresse courriel").fill(COORDINATOR.email);
    await page.getByLabel("Mot de passe").fill("wrong password");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("alert")).toContainText("Adresse courriel ou mot de passe incorrect");
    // What was typed is still there (the password, never).
    await expect(page.getByLabel("Adresse courriel")).toHaveValue(COORDINATOR.email);
    await expect(page.getByLabel("Mot de passe")).toHaveValue("");
    await page.getByLabel("Mot de passe").fill(COORDINATOR.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/\/coordinator$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour, Claire Gagnon");
    await context.close();
  });

  test("a forgotten password: the same answer for everyone, and the link is for its owner only", async ({
    page,
    browser,
  }) => {
    const errors = watchForErrors(page);
    const email = unique("forgetful");
    await registerMentee(page, browser, "Léo Oublieux", email);
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(/\/$/);

    await page.goto("/login");
    await waitForHydration(page);
    await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
    await page.getByLabel("Adresse courriel").fill(email);
    await page.getByRole("button", { name: "Envoyer le lien" }).click();
    await expect(page.getByRole("status")).toContainText("Si un compte existe pour cette adresse");
    expect(errors).toEqual([]);

    // The coordinator sees the message in the outbox (no SMTP in tests), never its link.
    const coordinatorContext = await browser.newContext();
    const coordinator = await coordinatorContext.newPage();
    await signIn(coordinator, COORDINATOR.email, COORDINATOR.password);
    await expect(coordinator).toHaveURL(/\/coordinator$/);
    await coordinator.goto("/coordinator/outbox");
    const message = coordinator
      .locator(".message", { hasText: email })
      .filter({ hasText: "Réinitialiser votre mot de passe" });
    await expect(message).toBeVisible();
    await expect(message).toContainText("Lien personnel masqué");
    await expect(message.locator("a")).toHaveCount(0);
    await coordinatorContext.close();
  });

  test("my account switches the interface and emails to English", async ({ page, browser }) => {
    const errors = watchForErrors(page);
    await registerMentee(page, browser, "Noah Student", unique("noah"));
    await page.getByRole("navigation").getByRole("link", { name: "Mon compte" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await waitForHydration(page);
    await page.getByLabel("Nom affiché").fill("Noah S.");
    await page.getByLabel(/Langue préférée/).selectOption("en");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("My account");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.reload();
    await expect(page.getByLabel("Display name")).toHaveValue("Noah S.");
    await expect(page.getByLabel(/Preferred language/)).toHaveValue("en");
    expect(errors).toEqual([]);
  });

  test("the account pages have no accessibility violations", async ({ page }) => {
    test.setTimeout(120_000);
    for (const path of ["/login", "/register", "/password/forgot", "/privacy"]) {
      await page.goto(path);
      await waitForHydration(page);
      await expectNoAccessibilityViolations(page);
    }
    await signIn(page, COORDINATOR.email, COORDINATOR.password);
    await expect(page).toHaveURL(/\/coordinator$/);
    for (const path of ["/coordinator", "/coordinator/people", "/coordinator/outbox", "/coordinator/audit", "/account"]) {
      await page.goto(path);
      await waitForHydration(page);
      await expectNoAccessibilityViolations(page);
    }
  });
});
