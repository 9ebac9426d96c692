import type { PageContext } from "../../ui/context.js";
import { AdoptionsTable, type PublicAdoption } from "../decisions/index.js";
import type { PublicOrganisation } from "../organisations/index.js";

/** The actors page: the table of adoptions, then every organisation taking part. */
export function ActorsPage({ ctx, adoptions, organisations }: { ctx: PageContext; adoptions: PublicAdoption[]; organisations: PublicOrganisation[] }) {
	const { t } = ctx;
	return (
		<>
			<h1>{t("organisation.title")}</h1>
			<p class="lead">{t("organisation.intro")}</p>
			<p>
				<a href="/aktorer/anslut">{t("organisation.joinLink")}</a>
			</p>
			<h2>{t("organisation.standBehind")}</h2>
			<AdoptionsTable ctx={ctx} adoptions={adoptions} />
			<h2>{t("organisation.all")}</h2>
			{organisations.length === 0 ? (
				<p>{t("organisation.none")}</p>
			) : (
				<ul class="card-list">
					{organisations.map((o) => (
						<li key={o.id} class="card">
							<h3>
								<a href={`/aktorer/${o.id}`}>{o.name}</a>
							</h3>
							<p class="meta">{t(`organisation.type.${o.type}`)}</p>
							<p>
								{o.focusAreas.length
									? t("organisation.focusAreasChosen", { areas: o.focusAreas.map((a) => a.name).join(", ") })
									: t("organisation.noFocusAreas")}
							</p>
						</li>
					))}
				</ul>
			)}
		</>
	);
}
