import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, openAs, waitForHydration, watchForErrors } from "./helpers";

// The demo pair Marc Tremblay (mentor) – Amina Diallo (mentee), under way.
const MENTOR = { email: "marc.tremblay@demo.mentorat.example", password: "demo-mentor-2025" };
const MENTEE = { email: "amina.diallo@demo.mentorat.example", password: "demo-mentee-2025" };
const PHONE = { width: 360, height: 780 };

/**
 * The link of the latest email of `kind` to `recipient`, as a path. The tests
 * send no email: the outbox is read from the test database, as an email
 * client would read the message.
 */
function emailedLink(recipient: string, kind: string): string {
  const database = path.resolve(
    __dirname,
    "../..",
    process.env.MENTORAT_DATABASE_PATH ?? "target/e2e/mentorat.sqlite3",
  );
  const url = execFileSync("sqlite3", [
    database,
    `SELECT action_url FROM outbox WHERE kind = '${kind}' AND recipient = '${recipient}' ORDER BY id DESC LIMIT 1`,
  ])
    .toString()
    .trim();
  return new URL(url).pathname;
}

/** A week from today in Montréal, as `<input type="date">` takes it. */
function nextWeek(): string {
  const day = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto" }).format(day);
}

test.describe("a pair at work, on phones", () => {
  test("the mentee ties a goal to a need, they exchange two messages, and she agrees to a meeting from the email without signing in", async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const run = Date.now() % 100000;
    const goalTitle = `Réussir une entrevue de stage ${run}`;
    const hello = `Bonjour Marc, pourrions-nous parler de mon CV ? (${run})`;
    const reply = `Avec plaisir, Amina : envoyez-le-moi avant jeudi (${run}).`;

    // The mentee opens on her summary, then proposes a goal answering one of her needs.
    const mentee = await openAs(browser, MENTEE, "/mentee", { viewport: PHONE });
    await expect(mentee.page.getByRole("heading", { name: "Besoins de la personne mentorée" })).toBeVisible();
    await mentee.page.getByRole("navigation", { name: "Sections de l’espace" }).getByRole("link", { name: "Objectifs" }).click();
    await expect(mentee.page).toHaveURL(/section=goals/);
    const propose = mentee.page.locator("details.propose-goal");
    await propose.locator("summary").click();
    await propose.getByLabel("Objectif", { exact: true }).fill(goalTitle);
    await propose.getByLabel("Critère de réussite").fill("Une entrevue simulée réussie avec Marc.");
    const need = propose.locator('input[name="needs[]"]').first();
    const needLabel = (await propose.locator(`label[for="${await need.getAttribute("id")}"]`).textContent())?.trim() ?? "";
    await need.check();
    await propose.getByRole("button", { name: "Proposer l’objectif" }).click();
    const card = mentee.page.locator(".goal-card", { hasText: goalTitle });
    await expect(card.locator(".goal-needs")).toContainText(needLabel);
    // The need now names the goal that answers it.
    await mentee.page.getByRole("link", { name: "Besoins", exact: true }).click();
    await expect(mentee.page.locator(".need", { hasText: needLabel })).toContainText(goalTitle);
    await expectNoSidewaysScroll(mentee.page);
    await expectNoAccessibilityViolations(mentee.page);

    // She writes to her mentor.
    await mentee.page.getByRole("link", { name: "Messages", exact: true }).click();
    await mentee.page.getByLabel("Votre message").fill(hello);
    await mentee.page.getByRole("button", { name: "Envoyer", exact: true }).click();
    await expect(mentee.page.locator(".chat-mine", { hasText: hello })).toBeVisible();

    // The mentor sees it waiting on his dashboard (on a phone), reads and answers.
    const mentor = await openAs(browser, MENTOR, "/mentor", { viewport: PHONE });
    const amina = mentor.page.locator(".mentee-card", { hasText: "Amina Diallo" });
    await expectNoSidewaysScroll(mentor.page);
    await expectNoAccessibilityViolations(mentor.page);
    await amina.getByRole("link", { name: /1 message non lu/ }).click();
    await waitForHydration(mentor.page);
    await expect(mentor.page.locator(".chat-theirs", { hasText: hello })).toBeVisible();
    await mentor.page.getByLabel("Votre message").fill(reply);
    await mentor.page.getByRole("button", { name: "Envoyer", exact: true }).click();
    await expect(mentor.page.locator(".chat-mine", { hasText: reply })).toBeVisible();
    await expectNoSidewaysScroll(mentor.page);
    await expectNoAccessibilityViolations(mentor.page);

    await mentee.page.reload();
    await waitForHydration(mentee.page);
    const thread = mentee.page.locator(".chat-list li");
    await expect(thread.last()).toContainText(reply);
    await expect(thread.nth((await thread.count()) - 2)).toContainText(hello);

    // The mentor plans a meeting from his dashboard.
    await mentor.page.goto("/mentor");
    await waitForHydration(mentor.page);
    const plan = amina.locator("details.plan-meeting");
    await plan.locator("summary").click();
    await plan.getByLabel("Date").fill(nextWeek());
    await plan.getByLabel("Heure").fill("17:30");
    await plan.getByLabel("Autres objectifs de la rencontre").fill(`Relire le CV (${run})`);
    await plan.getByRole("button", { name: "Proposer la rencontre" }).click();
    await expect(plan).not.toHaveAttribute("open");

    // Amina agrees from the email's link, in a browser where she is not signed in.
    const link = emailedLink(MENTEE.email, "meeting_planned");
    const context = await browser.newContext({ viewport: PHONE });
    const email = await context.newPage();
    const errors = watchForErrors(email);
    await email.goto(link);
    await waitForHydration(email);
    await expect(email.getByText(/Marc Tremblay propose une rencontre le .* à 17 h 30/)).toBeVisible();
    await expectNoAccessibilityViolations(email);
    await email.getByRole("button", { name: "J’accepte la rencontre" }).click();
    await expect(email.getByRole("status")).toContainText("C’est fait");
    // Used once: opening it again says so and changes nothing.
    await email.reload();
    await expect(email.getByRole("status")).toContainText("Ce lien a déjà servi");
    await context.close();

    await mentee.page.goto("/mentee?section=meetings");
    await waitForHydration(mentee.page);
    await expect(
      mentee.page.locator(".meeting-card", { hasText: `Relire le CV (${run})` }).getByText("Accepté par les deux"),
    ).toBeVisible();

    expect([...mentee.errors, ...mentor.errors, ...errors]).toEqual([]);
    await mentee.context.close();
    await mentor.context.close();
  });
});
