import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAccessibilityViolations, signIn as openSession, waitForHydration, watchForErrors } from "./helpers";

// Demo accounts (loaded with MENTORAT_DEMO_DATA=true, as scripts/test.sh does).
const COORDINATOR = { email: "coordination@demo.mentorat.example", password: "demo-coordination" };
const MENTOR_PASSWORD = "demo-mentor-2025";
const MENTEE_PASSWORD = "demo-mentee-2025";

/** A demo person's email from their name, as the demo data makes it. */
function demoEmail(name: string): string {
  const code = (text: string) =>
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  const [first, ...rest] = name.split(" ");
  return `${code(first)}.${code(rest.join(" "))}@demo.mentorat.example`;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await openSession(page, email, password);
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
}

/** Signs a pair's member in from a fresh context and accepts the proposal. */
async function acceptAs(browser: Browser, email: string, password: string, area: string, partner: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await signIn(page, email, password);
  await page.goto(area);
  await waitForHydration(page);
  const card = page.locator(".pair-card", { hasText: partner });
  await expect(card).toBeVisible();
  // What this person needs to decide is on the card: the mentee's studies
  // and needs for the mentor, the mentor's skills and languages for the mentee.
  const profile = card.locator(".partner-profile");
  if (area === "/mentor") {
    await expect(profile.getByText("Accompagnement souhaité")).toBeVisible();
  } else {
    await expect(profile.getByText("Peut accompagner sur")).toBeVisible();
    await expect(profile.getByText("Langues")).toBeVisible();
  }
  await card.getByRole("button", { name: "Accepter le jumelage" }).click();
  // The answer is recorded: no more button, and this person's answer reads "Acceptée"
  // (the other person's may too, once both have answered).
  await expect(card.getByRole("button", { name: "Accepter le jumelage" })).toHaveCount(0);
  await expect(card.locator("dd").first()).toHaveText("Acceptée");
  expect(errors).toEqual([]);
  return { context, page, card };
}

test.describe("matching", () => {
  test("the coordinator reads a breakdown, runs the optimal matching and accepts it; both people accept", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const errors = watchForErrors(page);
    await signIn(page, COORDINATOR.email, COORDINATOR.password);
    await page.goto("/coordinator");
    await page.getByRole("link", { name: "Jumelage", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Jumelage", level: 1 })).toBeVisible();
    await page.getByLabel("Cohorte").selectOption("hiver-2025");
    await page.getByRole("button", { name: "Afficher" }).click();
    await waitForHydration(page);

    // Select a waiting mentee: their best mentors, each score broken into parts.
    const waiting = page.getByRole("region", { name: "Mentoré·e·s en attente" });
    const first = waiting.getByRole("listitem").first().getByRole("link");
    const menteeName = (await first.textContent())?.trim() ?? "";
    await first.click();
    await expect(page.getByRole("heading", { name: `Meilleurs mentors pour ${menteeName}` })).toBeVisible();
    const best = page.locator(".ranked-card").first();
    await expect(best.getByText(/Score : \d+\/100/)).toBeVisible();
    await expect(best.getByText("Besoins et compétences")).toBeVisible();
    await expect(best.getByText(/Domaines d’intérêt couverts : \d+ sur \d+/)).toBeVisible();

    await expectNoAccessibilityViolations(page);

    // The optimal draft: totals, pairs with breakdowns, the unmatched with reasons.
    await page.getByRole("button", { name: "Lancer le jumelage optimal" }).click();
    const draft = page.getByRole("region", { name: "Jumelage optimal" });
    await expect(draft.getByText("Score moyen")).toBeVisible();
    await expect(draft.locator(".draft-pair").first().getByText(/Score : \d+\/100/)).toBeVisible();
    await expectNoAccessibilityViolations(page);
    // The draft comes one page of pairs at a time; the next page is asked for.
    const matched = Number(await draft.locator(".draft-totals dd").first().innerText());
    await expect(draft.locator(".draft-pair")).toHaveCount(Math.min(matched, 20));
    if (matched > 20) {
      await draft.getByRole("link", { name: /Afficher plus/ }).click();
      await expect(draft.locator(".draft-pair")).toHaveCount(Math.min(matched, 40));
      await expect(draft.locator(".draft-pair").nth(20).getByText(/Score : \d+\/100/)).toBeVisible();
    }
    // The draft is kept on the server: choosing another mentee, the browser's
    // back button and a reload all find it, with the mentee chosen before.
    const second = waiting.getByRole("listitem").nth(1).getByRole("link");
    const secondName = (await second.textContent())?.trim() ?? "";
    await second.click();
    await expect(page.getByRole("heading", { name: `Meilleurs mentors pour ${secondName}` })).toBeVisible();
    await expect(draft.getByText("Score moyen")).toBeVisible();
    await page.goBack();
    await expect(page.getByRole("heading", { name: `Meilleurs mentors pour ${menteeName}` })).toBeVisible();
    await page.reload();
    await expect(draft.getByText("Score moyen")).toBeVisible();

    // A draft that re-matches a mentee whose pair is "not a fit" (the demo
    // has one) says how many pairs it ends, and asks first.
    if ((await draft.getByText(/^Accepter ce brouillon termine/).count()) > 0) {
      page.once("dialog", (dialog) => {
        expect(dialog.message()).toMatch(/^Accepter ce brouillon termine/);
        void dialog.accept();
      });
    }
    await draft.getByRole("button", { name: /Proposer les \d+ jumelages/ }).click();
    await expect(draft.getByText(/\d+ jumelages? proposés? : les personnes concernées ont reçu un courriel/)).toBeVisible();
    // Accepted, the draft is done with: the board no longer shows it.
    await expect(draft.getByText("Score moyen")).toHaveCount(0);

    // The proposals appear on the board.
    const pairs = page.getByRole("region", { name: "Jumelages proposés, déclinés et actifs" });
    const row = pairs.getByRole("row").nth(1);
    await expect(row.getByText("Proposé")).toBeVisible();
    const mentee = (await row.getByRole("cell").nth(0).textContent())?.trim() ?? "";
    const mentor = (await row.getByRole("cell").nth(1).textContent())?.trim() ?? "";
    expect(errors).toEqual([]);

    // The mentor, then the mentee, accept from their areas; the pair is active.
    const mentorSide = await acceptAs(browser, demoEmail(mentor), MENTOR_PASSWORD, "/mentor", mentee);
    await expect(mentorSide.card.getByText("Proposé")).toBeVisible();
    const menteeSide = await acceptAs(browser, demoEmail(mentee), MENTEE_PASSWORD, "/mentee", mentor);
    await expect(menteeSide.card.getByText("Actif")).toBeVisible();
    await mentorSide.context.close();
    await menteeSide.context.close();

    await page.reload();
    const activeRow = page
      .getByRole("region", { name: "Jumelages proposés, déclinés et actifs" })
      .getByRole("row", { name: new RegExp(mentee) });
    await expect(activeRow.getByText("Actif")).toBeVisible();

    // The coordinator ends it; both still read their history, with no form.
    await activeRow.getByRole("link", { name: mentee }).click();
    const end = page.locator("section.end-pair details");
    await end.locator("summary").click();
    await end.getByLabel("Raison").fill("Essai de bout en bout");
    await end.getByRole("button", { name: "Confirmer la fin du jumelage" }).click();
    await expect(page.locator("section.end-pair")).toHaveCount(0);
    for (const [email, password, area] of [
      [demoEmail(mentor), MENTOR_PASSWORD, "/mentor"],
      [demoEmail(mentee), MENTEE_PASSWORD, "/mentee"],
    ]) {
      const context = await browser.newContext();
      const side = await context.newPage();
      const sideErrors = watchForErrors(side);
      await signIn(side, email, password);
      await side.goto(area);
      await waitForHydration(side);
      const past = side.getByRole("region", { name: "Jumelages passés" });
      await past.getByRole("link").first().click();
      await expect(side.locator(".ended-banner")).toBeVisible();
      await side.getByRole("link", { name: "Tout afficher" }).click();
      await expect(side.getByRole("heading", { name: "Objectifs", exact: true })).toBeVisible();
      await expect(side.locator(".workspace form")).toHaveCount(0);
      await expectNoAccessibilityViolations(side);
      expect(sideErrors).toEqual([]);
      await context.close();
    }
  });
});
