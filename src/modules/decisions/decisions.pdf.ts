// The protocol extract as an A4 PDF.
import { a4Pdf } from "../../lib/pdf.js";
import { formatDate, type T } from "../../i18n/i18n.js";
import type { Lang } from "../../i18n/i18n.js";
import type { itemPage } from "./decisions.service.js";

type ItemPageData = Awaited<ReturnType<typeof itemPage>>;

/** The extract of one item as an A4 PDF, in the same order as the printable page. */
export async function extractPdf(data: ItemPageData, t: T, lang: Lang, today: string): Promise<Buffer> {
	const { item, meeting, motions, proposals } = data;
	const { doc, text, title, heading, paragraphs, list, finish } = await a4Pdf(`${t("decisions.extract.title")} ${t("decisions.item.heading", { paragraph: item.paragraph, title: item.title })}`, "sv");

	doc.fontSize(10);
	text(meeting.organisationName);
	text(t("decisions.extract.title"));
	text(t("decisions.extract.meeting", { body: meeting.bodyName, date: formatDate(lang, meeting.heldOn) }));
	doc.moveDown();
	title(t("decisions.item.heading", { paragraph: item.paragraph, title: item.title }), 14);
	if (item.caseNumber) {
		doc.fontSize(10);
		text(item.caseNumber);
		doc.fontSize(11);
	}
	if (item.background) {
		heading(t("decisions.item.background"));
		paragraphs(item.background);
	}
	if (item.proposedDecision) {
		heading(t("decisions.item.proposed"));
		paragraphs(item.proposedDecision);
	}
	if (motions.length) {
		heading(t("decisions.item.motions"));
		for (const m of motions) {
			const kind = t(`decisions.kind.${m.kind}`);
			text(m.party ? t("decisions.item.motionParty", { member: m.memberName, party: m.party, kind }) : t("decisions.item.motion", { member: m.memberName, kind }));
			paragraphs(m.text);
			const proposal = m.proposalId ? proposals.get(m.proposalId) : undefined;
			if (proposal && m.amendedText) {
				text(t("decisions.item.amends", { number: proposal.number ?? "", title: proposal.label }));
				text(m.amendedText, { indent: 20 });
			}
			text(`${t("decisions.item.outcome")} ${t(`decisions.outcome.${m.outcome}`)}`);
			doc.moveDown(0.4);
		}
	}
	heading(t("decisions.item.decision"));
	if (item.points.length) list(item.points, "numbered");
	else text(t("decisions.item.noDecision"));
	if (item.distribution.length) {
		heading(t("decisions.item.distribution"));
		for (const line of item.distribution) text(line);
	}
	doc.moveDown().fontSize(9);
	text(t("decisions.extract.certified", { date: formatDate(lang, today) }));
	return finish();
}
