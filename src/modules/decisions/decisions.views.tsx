import { formatDate } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import type { PublicAdoption } from "./decisions.service.js";

/** The table of organisations that stand behind the vision, with their decisions. */
export function AdoptionsTable({ ctx, adoptions }: { ctx: PageContext; adoptions: PublicAdoption[] }) {
	const { t, lang } = ctx;
	if (adoptions.length === 0) return <p>{t("adoption.none")}</p>;
	return (
		<div class="table-scroll">
			<table>
				<caption>{t("adoption.caption", { count: adoptions.length })}</caption>
				<thead>
					<tr>
						<th scope="col">{t("adoption.organisation")}</th>
						<th scope="col">{t("adoption.decidedOn")}</th>
						<th scope="col">{t("adoption.body")}</th>
						<th scope="col">{t("adoption.reference")}</th>
					</tr>
				</thead>
				<tbody>
					{adoptions.map((a) => (
						<tr key={a.id}>
							<th scope="row">
								<a href={`/aktorer/${a.organisation.id}`}>{a.organisation.name}</a>
							</th>
							<td>
								<time dateTime={a.decidedOn}>{formatDate(lang, a.decidedOn)}</time>
							</td>
							<td>{a.body}</td>
							<td>{a.reference || t("adoption.noReference")}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	);
}

/** One organisation's adoption in a sentence, or that it has not adopted the vision. */
export function AdoptionSentence({ ctx, adoption }: { ctx: PageContext; adoption: PublicAdoption | null }) {
	const { t, lang } = ctx;
	if (!adoption) return <p>{t("adoption.notAdopted")}</p>;
	const params = { date: formatDate(lang, adoption.decidedOn), body: adoption.body, reference: adoption.reference };
	return <p>{t(adoption.reference ? "adoption.adoptedWithReference" : "adoption.adopted", params)}</p>;
}
