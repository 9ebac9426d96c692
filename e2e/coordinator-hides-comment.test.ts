import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import * as s from "../src/schema.js";
import { axeViolations, launchBrowser, openPage, signedInPage, startApp } from "./harness.js";

const app = await startApp();
const browser = await launchBrowser();

test("the coordinator hides a comment with a reason; visitors no longer see it, its author reads why; the coordinator restores it", async () => {
	const [idea] = await app.db.select().from(s.ideas).where(eq(s.ideas.title, "Cykelväg mellan Norsjö och Bastuträsk (demo)"));
	assert.ok(idea, "the demo has the cycle path idea");
	const comment = "Ja! Och belysning längs vägen på vintern.";
	const { page: coordinator } = await signedInPage(browser, app, "samordnare@norsjo.example");

	await coordinator.goto(`${app.url}/ideer/${idea.id}`);
	await coordinator.getByRole("link", { name: "Dölj kommentar 1" }).click();
	await coordinator.getByRole("heading", { level: 1, name: "Dölj en kommentar" }).waitFor();
	await coordinator.getByText(comment).waitFor();
	assert.deepEqual(await axeViolations(coordinator), [], "the hide page passes axe");

	await coordinator.getByRole("button", { name: "Dölj kommentaren" }).click();
	await coordinator.getByRole("alert").getByText(/Fyll i fältet/).waitFor();
	assert.deepEqual(await axeViolations(coordinator), [], "the hide page with an error passes axe");
	await coordinator.getByRole("textbox", { name: /Skäl till att kommentaren döljs/ }).fill("Testar moderering.");
	await coordinator.getByRole("button", { name: "Dölj kommentaren" }).click();
	await coordinator.getByText("Kommentaren är dold. Den som skrev kommentaren ser skälet.").waitFor();
	await coordinator.getByRole("button", { name: "Visa kommentar 1 igen" }).waitFor();
	assert.deepEqual(await axeViolations(coordinator), [], "the idea page with a hidden comment passes axe for the coordinator");

	const { page: visitor } = await openPage(browser);
	await visitor.goto(`${app.url}/ideer/${idea.id}`);
	await visitor.getByText("Kan den gå förbi badplatsen?").waitFor();
	assert.equal(await visitor.getByText(comment).count(), 0, "a visitor does not see the hidden comment");

	const { page: commenter } = await signedInPage(browser, app, "invanare2@norsjo.example");
	await commenter.goto(`${app.url}/ideer/${idea.id}`);
	await commenter.getByText(comment).waitFor();
	await commenter.getByText("Samordnaren har dolt kommentaren. Skäl: Testar moderering.").waitFor();
	assert.deepEqual(await axeViolations(commenter), [], "the author's view of a hidden comment passes axe");

	await coordinator.goto(`${app.url}/admin/ideer`);
	await coordinator.getByRole("heading", { name: "Dolda kommentarer" }).waitFor();
	assert.deepEqual(await axeViolations(coordinator), [], "the moderation page with a hidden comment passes axe");
	await coordinator.getByRole("button", { name: "Visa kommentaren igen" }).click();
	await coordinator.getByText("Kommentaren är inte längre dold.").waitFor();
	await coordinator.getByText("Inga kommentarer är dolda.").waitFor();

	await visitor.reload();
	await visitor.getByText(comment).waitFor();
});
