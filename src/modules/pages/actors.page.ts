// The actors page and an organisation's profile in the API: organisations with their adoption of the vision, which
// decisions records. Organisations come before decisions, so the two meet here, in the composition layer.
import type { Db } from "../../db/client.js";
import { cachedRead } from "../../lib/read-cache.js";
import type { Viewer } from "../../ui/context.js";
import { adoptionOfOrganisation, standingAdoptions } from "../decisions/index.js";
import { organisationProfile, publicOrganisations } from "../organisations/index.js";

/** The actors page: who stands behind the vision, and every organisation taking part. */
export function actorsPageData(db: Db) {
	return cachedRead(db, "pages.actors", async () => {
		const [adoptions, organisations] = await Promise.all([standingAdoptions(db), publicOrganisations(db)]);
		return { adoptions, organisations };
	});
}

/** An organisation's public profile with its standing adoption of the vision; 404 as the profile page gives it. */
export async function organisationWithAdoption(db: Db, viewer: Viewer | null, id: string) {
	const profile = await organisationProfile(db, viewer, id);
	return { ...profile, adoption: await adoptionOfOrganisation(db, profile.id) };
}
