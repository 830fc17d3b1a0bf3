import { expect, test } from "@playwright/test";
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, openAs } from "./helpers";

// Demo accounts (loaded with MENTORAT_DEMO_DATA=true, as scripts/test.sh does); the
// stalled pairs come from server/src/demo_follow_up.rs.
const COORDINATOR = { email: "coordination@demo.mentorat.example", password: "demo-coordination" };
const NUDGE_SUBJECTS = /Un petit rappel de l’équipe du mentorat|A gentle reminder from the mentoring team/;

test.describe("program follow-up", () => {
  test("the coordinator reads the dashboard, opens a stalled pair, nudges its mentor and exports the pairs", async ({
    browser,
  }) => {
    test.setTimeout(90_000);
    const { context, page, errors } = await openAs(browser, COORDINATOR, "/coordinator?cohort=hiver-2025");

    // A chart's figures, as a table.
    const chart = page.getByRole("figure", { name: "Personnes mentorées et jumelages" });
    await expect(chart.locator("svg")).toBeVisible();
    const table = chart.getByRole("table");
    await expect(table.getByRole("columnheader", { name: "Nombre" })).toBeVisible();
    await expect(table.getByRole("row", { name: /Jumelages actifs \d+/ })).toBeVisible();
    await expect(chart.getByText(/en attente, \d+ proposés, \d+ actifs, \d+ menés à terme, \d+ terminés avant la fin/)).toBeVisible();
    await expectNoAccessibilityViolations(page);

    // The pair that never met, from "À traiter".
    const attention = page.getByRole("region", { name: "À traiter" });
    const item = attention.locator(".attention-item", { hasText: "aucune rencontre tenue depuis le début du jumelage" });
    await expect(item).toHaveCount(1);
    const why = (await item.locator(".attention-why").textContent()) ?? "";
    const [mentee, mentor] = why.split(" : ")[0].split(" et ");
    await item.getByRole("link", { name: "Ouvrir le jumelage" }).click();
    await expect(page.getByRole("heading", { name: `${mentee} avec ${mentor}` })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Relances envoyées" })).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await page.goBack();

    // Nudge the mentor: the item says so, and the outbox has the email.
    const again = page.getByRole("region", { name: "À traiter" }).locator(".attention-item", {
      hasText: "aucune rencontre tenue depuis le début du jumelage",
    });
    await again.getByText("Ajouter un mot personnel").click();
    await again.getByLabel("Mot personnel (facultatif)").fill("Un créneau cette semaine ?");
    await again.getByRole("button", { name: `Relancer ${mentor}` }).click();
    await expect(again.getByText(/Relance envoyée le/)).toBeVisible();
    await expect(again.getByText(/la prochaine sera possible le/)).toBeVisible();

    await page.goto("/coordinator/outbox");
    const message = page.locator(".message", { hasText: NUDGE_SUBJECTS }).first();
    await expect(message).toBeVisible();
    await expect(message).toContainText(mentee);

    // The pairs' CSV: UTF-8 with a byte-order mark, French column names.
    const csv = await page.request.get("/coordinator/exports/hiver-2025/pairs.csv");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const body = await csv.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString("utf8")).toContain(mentee);

    expect(errors).toEqual([]);
    await context.close();
  });

  test("the dashboard, the pairs table and a person's page read well on a phone", async ({ browser }) => {
    const { context, page, errors } = await openAs(browser, COORDINATOR, "/coordinator?cohort=hiver-2025", {
      viewport: { width: 360, height: 800 },
    });
    await expect(page.getByRole("region", { name: "À traiter" })).toBeVisible();
    await expectNoSidewaysScroll(page);

    await page.getByRole("link", { name: "Tous les jumelages" }).click();
    await expect(page.getByRole("heading", { name: "Tous les jumelages", level: 1 })).toBeVisible();
    await page.getByLabel("État").selectOption("active");
    await page.getByRole("button", { name: "Afficher" }).click();
    await expect(page).toHaveURL(/status=active/);
    await expect(page.getByRole("status")).toContainText(/Jumelages trouvés : \d+/);
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);

    // A mentor's page from the table.
    await page.locator(".pairs-table tbody tr").first().locator(".small a").nth(1).click();
    await expect(page.getByRole("heading", { name: "Profil" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Jumelages" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);

    expect(errors).toEqual([]);
    await context.close();
  });
});
