import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAccessibilityViolations, expectNoSidewaysScroll, openAs, tabTo, waitForHydration } from "./helpers";

// The English demo pair: Sophie Nguyen (mentor) and Emily Chen (mentee). Every
// action below is reached with Tab and done with Enter and typing, nothing else.
const MENTOR = { email: "sophie.nguyen@demo.mentorat.example", password: "demo-mentor-2025" };
const MENTEE = { email: "emily.chen@demo.mentorat.example", password: "demo-mentee-2025" };

/** Tab to `target` and press Enter on it. */
async function press(page: Page, target: ReturnType<Page["locator"]>): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press("Enter");
}

test.describe("the workspace with the keyboard alone", () => {
  test("the mentee, on a phone: proposes a goal, ticks a milestone, reads feedback, adds meetings to a calendar", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const run = Date.now() % 100000;
    const title = `Speak at the spring showcase ${run}`;
    const { context, page, errors } = await openAs(browser, MENTEE, "/mentee?section=all", {
      viewport: { width: 390, height: 844 },
      english: true,
    });
    await expect(page.getByRole("heading", { name: "My goals" })).toBeVisible();

    // A goal, typed in: the form folds away once sent, emptied, and the
    // keyboard is back on its summary.
    const propose = page.locator("details.propose-goal");
    await press(page, propose.locator("summary"));
    await tabTo(page, propose.getByLabel("Goal", { exact: true }));
    await page.keyboard.type(title);
    await tabTo(page, propose.getByLabel("Success criterion"));
    await page.keyboard.type("A five-minute talk given in French.");
    await tabTo(page, propose.getByLabel("Milestones"));
    await page.keyboard.type("Write the outline\nRehearse twice");
    await press(page, propose.getByRole("button", { name: "Propose the goal" }));
    const proposed = page.locator(".goal-card", { hasText: title });
    await expect(proposed.getByText("Waiting for the other person")).toBeVisible();
    await expect(propose).not.toHaveAttribute("open");
    await expect(propose.getByLabel("Goal", { exact: true })).toHaveValue("");
    // The page came back from the server; the keyboard is where it was.
    await expect(propose.locator("summary")).toBeFocused();

    // A milestone of an agreed goal, ticked.
    const french = page.locator(".goal-card", { hasText: "Gain confidence presenting in French" });
    const firstOpen = french.locator(".milestone:not(.milestone-done)").first();
    const milestone = (await firstOpen.locator(".milestone-title").textContent())?.trim() ?? "";
    await press(page, firstOpen.getByRole("button"));
    await expect(french.locator(".milestone-done", { hasText: milestone })).toBeVisible();

    // Feedback read (the demo leaves some unread; so does the mentor's test).
    const unread = page.locator(".feedback-card", { has: page.getByRole("button", { name: "I have read it" }) }).first();
    const id = await unread.getAttribute("id");
    await press(page, unread.getByRole("button", { name: "I have read it" }));
    await expect(page.locator(`#${id}`).getByText("Read", { exact: true })).toBeVisible();

    // A meeting's calendar file, downloaded.
    const file = page.getByRole("link", { name: "Add to my calendar (.ics)" }).first();
    const download = page.waitForEvent("download");
    await press(page, file);
    const saved = await download;
    expect(saved.suggestedFilename()).toMatch(/^mentorat-\d+\.ics$/);
    const ics = await readFile(await saved.path(), "utf8");
    expect(ics).toContain("BEGIN:VEVENT");
    expect(ics).toContain("Mentorat: meeting with Sophie Nguyen");

    // The private feed: made, read by a calendar app, then turned off.
    await press(page, page.getByRole("button", { name: /Create my private calendar link|Yes, create a new link/ }).first());
    const link = page.getByLabel(/Link to copy into your calendar/);
    await expect(link).toHaveValue(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const url = await link.inputValue();
    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain("Sophie Nguyen");
    const turnOff = page.locator("details", { has: page.locator("summary", { hasText: "Turn the link off" }) });
    await press(page, turnOff.locator("summary"));
    await press(page, turnOff.getByRole("button", { name: "Yes, turn the link off" }));
    await expect(page.getByText("You have no private calendar link.")).toBeVisible();
    expect((await page.request.get(url)).status()).toBe(404);

    await expectNoSidewaysScroll(page);
    await expectNoAccessibilityViolations(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("the mentor: opens a mentee's workspace, records next steps, proposes one as a milestone, writes notes and feedback", async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const run = Date.now() % 100000;
    const step = `Record a two-minute pitch ${run}`;
    const { context, page, errors } = await openAs(browser, MENTOR, "/mentor", { english: true });
    const card = page.locator(".mentee-card", { hasText: "Emily Chen" });
    await press(page, card.getByRole("link", { name: /Open the workspace/ }));
    await expect(page).toHaveURL(/\/pairs\/\d+$/);
    await waitForHydration(page);
    // It opens on the summary; every section, one key press away.
    await press(page, page.getByRole("link", { name: "Show all" }));
    await expect(page).toHaveURL(/\/pairs\/\d+\?section=all$/);

    // The record of the meeting held, with a new next step.
    const held = page.locator(".meeting-card", { hasText: "Practised a short pitch in French." });
    const record = held.locator("details", { has: page.locator("summary", { hasText: "Edit the record" }) });
    await press(page, record.locator("summary"));
    await tabTo(page, record.getByLabel("Next steps"));
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(step);
    await press(page, record.getByRole("button", { name: "Save the record" }));
    const item = held.locator(".next-steps li", { hasText: step });
    await expect(item).toBeVisible();

    // That step is proposed as a milestone of the agreed goal: it waits for the mentee.
    await press(page, item.locator("summary"));
    await press(page, item.getByRole("button", { name: /Gain confidence presenting in French/ }));
    await expect(
      held.locator(".next-steps li", { hasText: step }).getByText("proposed as a milestone, waiting for the other person"),
    ).toBeVisible();
    const goal = page.locator(".goal-card", { hasText: "Gain confidence presenting in French" });
    await expect(goal.locator(".pending-change")).toContainText(step);

    // Private notes, then feedback, typed in.
    const notes = held.locator("details.private-note");
    await press(page, notes.locator("summary"));
    await tabTo(page, notes.getByLabel("Private notes"));
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(`Nervous before presenting (${run}).`);
    await press(page, notes.getByRole("button", { name: "Save my notes" }));
    await expect(held.locator("details.private-note summary")).toHaveText("My private notes…");

    const feedback = page.locator("details.give-feedback");
    await press(page, feedback.locator("summary"));
    for (const [label, text] of [
      ["Strengths observed", "You prepared your slides early."],
      ["One thing to improve", `Look at the audience, not the slides (${run}).`],
      ["Concrete observations", "You read the first two slides aloud."],
      ["Suggested next step", "Rehearse once without the slides."],
    ]) {
      await tabTo(page, feedback.getByLabel(label, { exact: true }));
      await page.keyboard.type(text);
    }
    await press(page, feedback.getByRole("button", { name: "Send the feedback" }));
    await expect(page.locator(".feedback-card", { hasText: `not the slides (${run})` })).toBeVisible();
    await expect(feedback).not.toHaveAttribute("open");

    await expectNoAccessibilityViolations(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});
