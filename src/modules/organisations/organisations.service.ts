import { type Db, isUniqueViolation } from "../../db/client.js";
import { isUuid } from "../../lib/ids.js";
import { cachedRead } from "../../lib/read-cache.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { type FormState, formState, type parseForm, withError } from "../../ui/forms.js";
import { type PublicAdoption, standingAdoptionOf, standingAdoptions } from "../decisions/index.js";
import { focusAreasByOrganisation } from "../focus-areas/index.js";
import { getProgramme, requireCoordinator } from "../programmes/index.js";
import type { organisationInput } from "./organisations.input.js";
import * as repo from "./organisations.repo.js";

/** An organisation as the public sees it, with the focus areas it works in. */
export type PublicOrganisation = Pick<repo.Organisation, "id" | "name" | "type" | "orgNumber" | "description" | "website"> & {
	focusAreas: { id: string; name: string }[];
};

/** An organisation's public profile: the organisation and its standing adoption of the vision, if any. */
export type OrganisationProfile = PublicOrganisation & { adoption: PublicAdoption | null };

/** What the organisation form shows: the stored organisation (null when new) and the values. */
export type OrganisationForm = { organisation: repo.Organisation | null; state: FormState };

function toPublic(o: repo.Organisation, focusAreas: PublicOrganisation["focusAreas"]): PublicOrganisation {
	return { id: o.id, name: o.name, type: o.type, orgNumber: o.orgNumber, description: o.description, website: o.website, focusAreas };
}

async function findOrganisation(db: Db, id: string): Promise<repo.Organisation> {
	const organisation = isUuid(id) ? await repo.findOrganisation(db, id) : undefined;
	if (!organisation) throw notFound();
	return organisation;
}

/** Every organisation taking part, with the focus areas each has chosen. */
export async function publicOrganisations(db: Db): Promise<PublicOrganisation[]> {
	const programme = await getProgramme(db);
	const [organisations, areas] = await Promise.all([repo.listOrganisations(db), focusAreasByOrganisation(db, programme.id)]);
	return organisations.map((o) => toPublic(o, areas.get(o.id) ?? []));
}

/** The actors page: who stands behind the vision, and every organisation taking part. */
export async function actorsPage(db: Db): Promise<{ adoptions: PublicAdoption[]; organisations: PublicOrganisation[] }> {
	return cachedRead(db, "organisations.actorsPage", async () => {
		const [adoptions, organisations] = await Promise.all([standingAdoptions(db), publicOrganisations(db)]);
		return { adoptions, organisations };
	});
}

/** An organisation's public profile; 404 for an unknown or malformed id. */
export async function organisationProfile(db: Db, id: string): Promise<OrganisationProfile> {
	const programme = await getProgramme(db);
	const organisation = await findOrganisation(db, id);
	const [areas, adoption] = await Promise.all([focusAreasByOrganisation(db, programme.id), standingAdoptionOf(db, programme.id, organisation.id)]);
	return { ...toPublic(organisation, areas.get(organisation.id) ?? []), adoption };
}

/** Every organisation, for the coordinator's list. */
export async function adminOrganisations(db: Db, viewer: Viewer | null): Promise<repo.Organisation[]> {
	await requireCoordinator(db, viewer);
	return repo.listOrganisations(db);
}

/** The form for a new organisation (id null) or for changing one. */
export async function organisationForm(db: Db, viewer: Viewer | null, id: string | null): Promise<OrganisationForm> {
	await requireCoordinator(db, viewer);
	if (id === null) return { organisation: null, state: formState() };
	const organisation = await findOrganisation(db, id);
	return { organisation, state: formState(organisation) };
}

/** Creates (id null) or changes an organisation; returns the form again when the input is wrong or the number taken. */
export async function saveOrganisation(
	db: Db,
	viewer: Viewer | null,
	id: string | null,
	parsed: ReturnType<typeof parseForm<typeof organisationInput>>,
): Promise<{ ok: true } | { ok: false; form: OrganisationForm }> {
	await requireCoordinator(db, viewer);
	const organisation = id === null ? null : await findOrganisation(db, id);
	if (!parsed.ok) return { ok: false, form: { organisation, state: parsed.state } };
	try {
		if (organisation) await repo.updateOrganisation(db, organisation.id, parsed.data);
		else await repo.insertOrganisation(db, parsed.data);
	} catch (err) {
		if (!isUniqueViolation(err)) throw err;
		return { ok: false, form: { organisation, state: withError(parsed.data, "orgNumber", "error.orgNumberTaken") } };
	}
	return { ok: true };
}
