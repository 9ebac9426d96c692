// The protocol extract as a PDF, made in Node with PDFKit. Its standard Helvetica uses WinAnsi encoding,
// which holds å, ä and ö, so Swedish text needs no embedded font.
import { formatDate, type T } from "../../i18n/i18n.js";
import type { Lang } from "../../i18n/i18n.js";
import type { itemPage } from "./decisions.service.js";

type ItemPageData = Awaited<ReturnType<typeof itemPage>>;

/** The extract of one item as an A4 PDF, in the same order as the printable page. */
export async function extractPdf(data: ItemPageData, t: T, lang: Lang, today: string): Promise<Buffer> {
	// Loaded on first use: pdfkit and its fonts are large, and most starts never make a PDF.
	const { default: PDFDocument } = await import("pdfkit");
	const { item, meeting, motions, proposals } = data;
	const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: `${t("decisions.extract.title")} ${t("decisions.item.heading", { paragraph: item.paragraph, title: item.title })}` }, lang: "sv" });
	const chunks: Buffer[] = [];
	doc.on("data", (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on("end", () => resolve(Buffer.concat(chunks)));
		doc.on("error", reject);
	});
	const heading = (text: string) => doc.moveDown(0.6).font("Helvetica-Bold").fontSize(12).text(text).font("Helvetica").fontSize(11).moveDown(0.2);
	const paragraphs = (text: string) => {
		for (const p of text.split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean)) doc.text(p).moveDown(0.4);
	};

	doc.font("Helvetica").fontSize(10).text(meeting.organisationName).text(t("decisions.extract.title")).text(t("decisions.extract.meeting", { body: meeting.bodyName, date: formatDate(lang, meeting.heldOn) }));
	doc.moveDown().font("Helvetica-Bold").fontSize(14).text(t("decisions.item.heading", { paragraph: item.paragraph, title: item.title }));
	if (item.caseNumber) doc.font("Helvetica").fontSize(10).text(item.caseNumber);
	doc.font("Helvetica").fontSize(11);
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
			doc.text(m.party ? t("decisions.item.motionParty", { member: m.memberName, party: m.party, kind }) : t("decisions.item.motion", { member: m.memberName, kind }));
			paragraphs(m.text);
			const proposal = m.proposalId ? proposals.get(m.proposalId) : undefined;
			if (proposal && m.amendedText) doc.text(t("decisions.item.amends", { number: proposal.number ?? "", title: proposal.label })).text(m.amendedText, { indent: 20 });
			doc.text(`${t("decisions.item.outcome")} ${t(`decisions.outcome.${m.outcome}`)}`).moveDown(0.4);
		}
	}
	heading(t("decisions.item.decision"));
	if (item.points.length) doc.list(item.points, { listType: "numbered" });
	else doc.text(t("decisions.item.noDecision"));
	if (item.distribution.length) {
		heading(t("decisions.item.distribution"));
		for (const line of item.distribution) doc.text(line);
	}
	doc.moveDown().fontSize(9).text(t("decisions.extract.certified", { date: formatDate(lang, today) }));
	doc.end();
	return done;
}
