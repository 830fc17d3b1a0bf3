import { createHmac } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import {
  expectNoAccessibilityViolations,
  signIn,
  waitForHydration,
  watchForErrors,
} from "./helpers";

const COORDINATOR = { email: "coordination@demo.mentorat.example", password: "demo-coordination" };
const PASSWORD = "quiet-harbour-two-steps";

/** The six digits an authenticator app holding `secret` (base32) shows at `unixSeconds`. */
function totp(secret: string, unixSeconds: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of secret.replace(/=+$/, "")) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  }
  const key = Buffer.from(bits.match(/.{8}/g)?.map((byte) => parseInt(byte, 2)) ?? []);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const digest = createHmac("sha1", key).update(counter).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  const value = (digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, "0");
}

const now = () => Math.floor(Date.now() / 1000);

async function signInWithCode(page: Page, email: string, code: string): Promise<void> {
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/login\/code/);
  await waitForHydration(page);
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Continuer" }).click();
}

test.describe("two-step sign-in and my sessions", () => {
  test("a coordinator turns it on, signs in with a code, uses a recovery code once and ends her other session", async ({
    page,
    browser,
  }) => {
    const errors = watchForErrors(page);
    // A coordinator of her own, invited by the demo's (its link waits in the outbox).
    await signIn(page, COORDINATOR.email, COORDINATOR.password);
    await page.goto("/coordinator/people");
    await waitForHydration(page);
    const email = `securite-${Date.now()}@e2e.example`;
    await page.getByLabel("Adresse courriel").fill(email);
    await page.getByLabel("Nom affiché").fill("Gabrielle Sécurité");
    await page.getByLabel("Rôle", { exact: true }).selectOption("coordinator");
    await page.getByRole("button", { name: "Envoyer l’invitation" }).click();
    await expect(page.getByRole("status")).toContainText(`Invitation envoyée à ${email}`);
    await page.goto("/coordinator/outbox");
    const link = await page
      .locator(".message", { hasText: email })
      .locator(".message-link a")
      .getAttribute("href");
    const laptopContext = await browser.newContext();
    const laptop = await laptopContext.newPage();
    const laptopErrors = watchForErrors(laptop);
    await laptop.goto(new URL(link ?? "", page.url()).pathname);
    await waitForHydration(laptop);
    await laptop.getByLabel("Nouveau mot de passe").fill(PASSWORD);
    await laptop.getByLabel(/J’ai lu/).check();
    await laptop.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(laptop).toHaveURL(/\/coordinator$/);

    // Turning it on from "my account": the QR code, the key as text, the first code.
    await laptop.goto("/account");
    await laptop.getByRole("link", { name: "Connexion en deux étapes" }).click();
    await expect(laptop).toHaveURL(/\/account\/security$/);
    await waitForHydration(laptop);
    await laptop.getByRole("button", { name: "Activer la connexion en deux étapes" }).click();
    await expect(laptop.getByRole("img", { name: /Code QR/ })).toBeVisible();
    const secret = (await laptop.locator("#mfa-secret").textContent()) ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectNoAccessibilityViolations(laptop);
    await laptop.getByLabel("Code", { exact: true }).fill(totp(secret, now()));
    await laptop.getByRole("button", { name: "Confirmer et activer" }).click();
    await expect(laptop.getByRole("heading", { name: "Vos codes de secours" })).toBeVisible();
    const codes = await laptop.locator(".recovery-codes code").allTextContents();
    expect(codes).toHaveLength(10);
    await expect(laptop.getByText("La connexion en deux étapes est activée.")).toBeVisible();
    await expectNoAccessibilityViolations(laptop);

    // Signing out, then in again: the password, then the app's next code.
    await laptop.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(laptop.getByRole("link", { name: "Se connecter" })).toBeVisible();
    await signIn(laptop, email, PASSWORD);
    await expect(laptop).toHaveURL(/\/login\/code/);
    await waitForHydration(laptop);
    await expectNoAccessibilityViolations(laptop);
    await laptop.getByLabel("Code", { exact: true }).fill(totp(secret, now() + 30));
    await laptop.getByRole("button", { name: "Continuer" }).click();
    await expect(laptop).toHaveURL(/\/coordinator$/);

    // On a phone: a recovery code opens the door once; a second time, no.
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const phone = await phoneContext.newPage();
    const phoneErrors = watchForErrors(phone);
    await signInWithCode(phone, email, codes[0]);
    await expect(phone).toHaveURL(/\/coordinator$/);
    const secondPhoneContext = await browser.newContext();
    const secondPhone = await secondPhoneContext.newPage();
    await signInWithCode(secondPhone, email, codes[0]);
    await expect(secondPhone.locator("#field-code-error, .field-error").first()).toContainText(
      "Ce code ne fonctionne pas",
    );
    await secondPhoneContext.close();

    // "My sessions" on the laptop: the phone is there; ending it signs it out.
    await laptop.goto("/account/sessions");
    await waitForHydration(laptop);
    await expect(laptop.getByText("Cet appareil")).toBeVisible();
    const others = laptop.getByRole("button", { name: "Mettre fin à cette session" });
    await expect(others).toHaveCount(1);
    await expectNoAccessibilityViolations(laptop);
    await others.click();
    await expect(laptop.getByRole("status")).toContainText("Session terminée");
    await expect(others).toHaveCount(0);
    await phone.goto("/coordinator");
    await expect(phone).toHaveURL(/\/login/);

    expect(errors).toEqual([]);
    // Wrong codes were answered 400 on purpose; the browser logs any 4xx.
    expect(laptopErrors.filter((error) => !/status of 400/.test(error))).toEqual([]);
    expect(phoneErrors.filter((error) => !/status of 400/.test(error))).toEqual([]);
    await laptopContext.close();
    await phoneContext.close();
  });
});
