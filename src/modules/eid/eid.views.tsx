import type { PageContext } from "../../ui/context.js";
import { type EidRefusal, eidStartUrl } from "./eid.service.js";

/** Why an e-ID sign-in gave no identity, with a way to try again and a way back. */
export function EidRefusedPage({ ctx, reason, returnTo }: { ctx: PageContext; reason: EidRefusal; returnTo: string }) {
	const { t } = ctx;
	return (
		<>
			<h1>{t("eid.refused.title")}</h1>
			<p>{t(`eid.refused.${reason}`)}</p>
			<ul>
				{reason !== "notConfigured" && (
					<li>
						<a href={eidStartUrl(returnTo)}>{t("eid.refused.again")}</a>
					</li>
				)}
				<li>
					<a href={returnTo}>{t("eid.refused.back")}</a>
				</li>
			</ul>
		</>
	);
}
