import { expect, test, type Page } from "@playwright/test";
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, openAs, waitForHydration } from "./helpers";

// The demo pair Marc Tremblay (mentor) – Lucas Roy (mentee), just started.
const MENTOR = { email: "marc.tremblay@demo.mentorat.example", password: "demo-mentor-2025" };
const MENTEE = { email: "lucas.roy@demo.mentorat.example", password: "demo-mentee-2025" };
const COORDINATOR = { email: "coordination@demo.mentorat.example", password: "demo-coordination" };

/** Today in Montréal, as `<input type="date">` takes it. */
function montrealToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto" }).format(new Date());
}

/** Today at midnight as the pages write it in French: « Lundi 30 novembre à 0 h ». */
function montrealTodayAtMidnight(): string {
  const parts = new Intl.DateTimeFormat("fr-CA", {
    timeZone: "America/Toronto",
    weekday: "long",
    day: "numeric",
    month: "long",
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((piece) => piece.type === type)?.value ?? "";
  const day = part("day") === "1" ? "1er" : part("day");
  const weekday = part("weekday");
  return `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)} ${day} ${part("month")} à 0 h`;
}

/** Works in `page`, brought to the front (each person has their own window). */
async function switchTo(page: Page): Promise<Page> {
  await page.bringToFront();
  return page;
}

test.describe("the pair's workspace", () => {
  test("goal, meeting with two objectives, log, feedback, acknowledgement: both pages and the coordinator see it", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const run = Date.now() % 100000;
    const goalTitle = `Décrocher un premier stage ${run}`;
    const agenda = `Faire le point sur les candidatures (${run})`;

    // The mentee (on a phone) proposes a goal with two milestones.
    const mentee = await openAs(browser, MENTEE, "/mentee?section=goals");
    await expect(mentee.page.getByRole("heading", { name: "Mes objectifs" })).toBeVisible();
    await expectNoSidewaysScroll(mentee.page);
    const propose = mentee.page.locator("details.propose-goal");
    await propose.locator("summary").click();
    await propose.getByLabel("Objectif", { exact: true }).fill(goalTitle);
    await propose.getByLabel("Critère de réussite").fill("Une offre acceptée avant l’été.");
    await propose.getByLabel("Étapes").fill("Lister trois entreprises\nPréparer mon pitch");
    await propose.getByRole("button", { name: "Proposer l’objectif" }).click();
    const menteeGoal = mentee.page.locator(".goal-card", { hasText: goalTitle });
    await expect(menteeGoal.getByText("En attente de l’autre personne")).toBeVisible();
    await expect(menteeGoal.getByText("Cet objectif comptera dans la progression")).toBeVisible();

    // The mentor agrees from the dashboard card, without leaving the page.
    const mentor = await openAs(browser, MENTOR, "/mentor");
    await switchTo(mentor.page);
    const card = mentor.page.locator(".mentee-card", { hasText: "Lucas Roy" });
    const waiting = card.locator(".waiting-list li", { hasText: goalTitle });
    await waiting.getByRole("button", { name: "J’accepte" }).click();
    await expect(card.locator(".waiting-list li", { hasText: goalTitle })).toHaveCount(0);
    await expect(card.getByRole("progressbar", { name: goalTitle })).toBeVisible();

    // The mentor plans today's meeting with two objectives: the goal and a free one.
    const plan = card.locator("details.plan-meeting");
    await plan.locator("summary").click();
    await plan.getByLabel("Date").fill(montrealToday());
    await plan.getByLabel("Heure").fill("00:00");
    await plan.getByLabel(goalTitle).check();
    await plan.getByLabel("Autres objectifs de la rencontre").fill(agenda);
    await plan.getByRole("button", { name: "Proposer la rencontre" }).click();
    const today = card.locator(".to-log-item", { hasText: agenda });
    await expect(today.getByText(montrealTodayAtMidnight())).toBeVisible();

    // The mentee sees it waiting for them and agrees, with the keyboard alone.
    await switchTo(mentee.page);
    await mentee.page.goto("/mentee?section=meetings");
    await waitForHydration(mentee.page);
    const meeting = mentee.page.locator(".meeting-card", { hasText: agenda });
    await expect(meeting.locator(".objectives li", { hasText: goalTitle })).toBeVisible();
    const agree = meeting.getByRole("button", { name: "J’accepte cette rencontre" });
    await agree.focus();
    await mentee.page.keyboard.press("Enter");
    await expect(meeting.getByText("Accepté par les deux")).toBeVisible();

    // The mentor records it as held, then gives feedback with a progress update.
    await switchTo(mentor.page);
    await mentor.page.reload();
    await waitForHydration(mentor.page);
    const log = today.locator("details");
    await log.locator("summary").click();
    await log.getByLabel("Notes partagées").fill("Trois entreprises repérées ; le pitch est à raccourcir.");
    await log.getByLabel("Prochaines étapes").fill("Raccourcir le pitch");
    await log.getByRole("button", { name: "Enregistrer le compte rendu" }).click();
    await expect(card.getByText("Rétroaction à écrire après la rencontre :")).toBeVisible();
    const feedback = card.locator("details.give-feedback");
    await feedback.locator("summary").click();
    await feedback.getByLabel("Objectif concerné").selectOption({ label: goalTitle });
    await feedback.getByLabel("Progression de cet objectif (%)").fill("50");
    await feedback.getByLabel("Forces observées").fill("Tu arrives préparé, avec des questions précises.");
    await feedback.getByLabel("Une chose à améliorer").fill(`Ton pitch : deux minutes au lieu de cinq (${run}).`);
    await feedback.getByLabel("Observations concrètes").fill("Tu as présenté cinq projets en détail.");
    await feedback.getByLabel("Prochaine étape suggérée").fill("Choisir les deux projets les plus parlants.");
    await feedback.getByRole("button", { name: "Envoyer la rétroaction" }).click();
    await expect(card.getByText("Rétroaction à écrire après la rencontre :")).toHaveCount(0);
    await expect(card.getByRole("progressbar", { name: goalTitle })).toHaveAttribute("value", "50");
    await expectNoAccessibilityViolations(mentor.page);

    // The mentee reads it and acknowledges it; their page shows the progress.
    await switchTo(mentee.page);
    await mentee.page.goto("/mentee?section=feedback");
    await waitForHydration(mentee.page);
    const received = mentee.page.locator(".feedback-card", { hasText: `deux minutes au lieu de cinq (${run})` });
    await expect(received.getByText("Non lue")).toBeVisible();
    await received.getByRole("button", { name: "J’en ai pris connaissance" }).click();
    await expect(received.getByText("Lue", { exact: true })).toBeVisible();
    await mentee.page.getByRole("link", { name: "Objectifs", exact: true }).click();
    await expect(mentee.page).toHaveURL(/section=goals/);
    await expect(mentee.page.getByRole("progressbar", { name: "Progression", exact: true }).first()).toBeVisible();
    await expect(mentee.page.locator(".goal-card", { hasText: goalTitle }).getByText("50 %").first()).toBeVisible();
    await expectNoSidewaysScroll(mentee.page);
    await expectNoAccessibilityViolations(mentee.page);

    // The coordinator follows the pair from the board: progress and the meeting held, no notes.
    const coordinator = await openAs(browser, COORDINATOR, "/coordinator/matching?cohort=hiver-2025");
    await coordinator.page
      .getByRole("region", { name: "Jumelages proposés, déclinés et actifs" })
      .getByRole("link", { name: "Lucas Roy" })
      .click();
    await expect(coordinator.page.getByRole("heading", { name: "Lucas Roy avec Marc Tremblay" })).toBeVisible();
    await expect(coordinator.page.getByRole("progressbar", { name: goalTitle })).toHaveAttribute("value", "50");
    await expect(coordinator.page.locator(".overview-facts")).toContainText("Rencontres tenues1");
    await expect(coordinator.page.getByText("le pitch est à raccourcir")).toHaveCount(0);

    expect([...mentee.errors, ...mentor.errors, ...coordinator.errors]).toEqual([]);
    for (const side of [mentee, mentor, coordinator]) await side.context.close();
  });

  test("a goal's answer and the calendar link work before the WebAssembly arrives", async ({ browser }) => {
    // No JavaScript: the forms post and the page comes back with the change.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Adresse courriel").fill(MENTEE.email);
    await page.getByLabel("Mot de passe").fill(MENTEE.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.goto("/mentee?section=goals");
    // The demo goal Marc proposed to Lucas waits for Lucas's answer.
    const goal = page.locator(".goal-card", { hasText: "Choisir une orientation pour la maîtrise" });
    await goal.getByRole("button", { name: "J’accepte" }).click();
    await page.goto("/mentee?section=goals");
    await expect(
      page.locator(".goal-card", { hasText: "Choisir une orientation pour la maîtrise" }).getByText("Accepté par les deux"),
    ).toBeVisible();

    // The private calendar link is shown once after the redirect, then no more.
    await page.getByRole("button", { name: /Créer mon lien d’agenda privé|Oui, créer un nouveau lien/ }).first().click();
    const link = page.getByLabel(/Lien à copier dans votre agenda/);
    await expect(link).toHaveValue(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await page.request.get(await link.inputValue());
    expect(await feed.text()).toContain("Mentorat : rencontre avec Marc Tremblay");
    await page.goto("/mentee");
    await expect(page.getByText("Votre lien d’agenda privé est actif depuis")).toBeVisible();
    await expect(page.getByLabel(/Lien à copier dans votre agenda/)).toHaveCount(0);
    await context.close();
  });
});
