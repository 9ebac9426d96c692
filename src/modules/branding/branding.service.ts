import type { Db } from "../../db/client.js";
import { cachedRead } from "../../lib/read-cache.js";
import { isUploadedFile } from "../../plugins/uploads.js";
import { defaultBranding, type SiteBranding } from "../../ui/branding.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, parseForm, withError } from "../../ui/forms.js";
import * as policy from "./branding.policy.js";
import { lookInput, logoInput } from "./branding.input.js";
import { recogniseImage } from "./branding.images.js";
import * as repo from "./branding.repo.js";

type Saved = { ok: true } | { ok: false; state: FormState };

/** The look every page is drawn with; read through the read cache, since every page asks for it. */
export function siteBranding(db: Db): Promise<SiteBranding> {
	return cachedRead(db, "branding", async () => {
		const row = await repo.findBranding(db);
		if (!row) return defaultBranding;
		return {
			name: row.name || null,
			logoAlt: row.logoType ? row.logoAlt : null,
			themed: Boolean(row.brandColour || row.linkColour),
			hasFavicon: Boolean(row.faviconType),
			version: row.updatedAt.getTime().toString(36),
		};
	});
}

/** The colours for the theme stylesheet (null where site.css's own apply). */
export async function themeColours(db: Db) {
	const row = await repo.findBranding(db);
	return { brand: row?.brandColour ?? null, link: row?.linkColour ?? null };
}

/** The look's page for an administrator: what is saved now. */
export async function brandingForAdmin(db: Db, viewer: Viewer | null) {
	policy.authorize(viewer, "changeLook");
	const row = await repo.findBranding(db);
	return { hasLogo: Boolean(row?.logoType), look: formState({ name: row?.name ?? "", brandColour: row?.brandColour ?? "", linkColour: row?.linkColour ?? "" }), logoAlt: row?.logoAlt ?? "" };
}

/** Saves the name and colours; a colour that fails WCAG AA is refused with its ratio and a shade that passes. */
export async function saveLook(db: Db, viewer: Viewer | null, body: unknown): Promise<Saved> {
	policy.authorize(viewer, "changeLook");
	const parsed = parseForm(lookInput, body);
	if (!parsed.ok) return parsed;
	await repo.saveBranding(db, { name: parsed.data.name || null, brandColour: parsed.data.brandColour, linkColour: parsed.data.linkColour });
	return { ok: true };
}

/** Saves an uploaded logo (PNG or SVG) with its text alternative; the alternative alone may be changed too. */
export async function saveLogo(db: Db, viewer: Viewer | null, body: unknown): Promise<Saved> {
	policy.authorize(viewer, "changeLook");
	const fields = (body ?? {}) as Record<string, unknown>;
	const parsed = parseForm(logoInput, { logoAlt: fields.logoAlt });
	const values = { logoAlt: typeof fields.logoAlt === "string" ? fields.logoAlt : "" };
	const file = fields.file;
	const uploaded = isUploadedFile(file) && file.data.length > 0 ? file : null;
	if (!uploaded && !(await repo.findBranding(db))?.logoType) return { ok: false, state: withError(parsed.ok ? values : parsed.state, "file", "branding.error.noLogo") };
	if (!parsed.ok) return parsed;
	if (!uploaded) {
		await repo.saveBranding(db, { logoAlt: parsed.data.logoAlt });
		return { ok: true };
	}
	if (uploaded.tooLarge) return { ok: false, state: withError(values, "file", "branding.error.tooLarge") };
	const kind = recogniseImage(uploaded.data, false);
	if (!kind.ok) return { ok: false, state: withError(values, "file", kind.key) };
	await repo.saveBranding(db, { logo: uploaded.data, logoType: kind.type, logoAlt: parsed.data.logoAlt });
	return { ok: true };
}

/** Saves an uploaded favicon (PNG, SVG or ICO). */
export async function saveFavicon(db: Db, viewer: Viewer | null, body: unknown): Promise<Saved> {
	policy.authorize(viewer, "changeLook");
	const file = ((body ?? {}) as Record<string, unknown>).file;
	if (!isUploadedFile(file) || file.data.length === 0) return { ok: false, state: withError(formState(), "file", "branding.error.noFavicon") };
	if (file.tooLarge) return { ok: false, state: withError(formState(), "file", "branding.error.tooLarge") };
	const kind = recogniseImage(file.data, true);
	if (!kind.ok) return { ok: false, state: withError(formState(), "file", kind.key) };
	await repo.saveBranding(db, { favicon: file.data, faviconType: kind.type });
	return { ok: true };
}

/** Removes the logo, so the header shows the name alone. */
export async function removeLogo(db: Db, viewer: Viewer | null): Promise<void> {
	policy.authorize(viewer, "changeLook");
	await repo.saveBranding(db, { logo: null, logoType: null });
}

/** A stored logo or favicon to serve, or undefined. */
export function image(db: Db, which: "logo" | "favicon") {
	return repo.findImage(db, which);
}
