// A4 PDFs made in Node with PDFKit. Its standard Helvetica uses WinAnsi encoding, which holds å, ä and ö, so Swedish
// text needs no embedded font. PDFKit is loaded on first use: it and its fonts are large, and most starts make no PDF.
import type PDFKit from "pdfkit";

/** A started A4 document with helpers for headings and paragraphs; `finish()` ends it and gives the bytes. */
export async function a4Pdf(title: string, lang: string) {
	const { default: PDFDocument } = await import("pdfkit");
	const doc: PDFKit.PDFDocument = new PDFDocument({ size: "A4", margin: 56, info: { Title: title }, lang, displayTitle: true });
	const chunks: Buffer[] = [];
	doc.on("data", (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on("end", () => resolve(Buffer.concat(chunks)));
		doc.on("error", reject);
	});
	return {
		doc,
		heading: (text: string, size = 12) => doc.moveDown(0.6).font("Helvetica-Bold").fontSize(size).text(text).font("Helvetica").fontSize(11).moveDown(0.2),
		paragraphs: (text: string) => {
			for (const p of text.split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean)) doc.text(p).moveDown(0.4);
		},
		finish: () => {
			doc.end();
			return done;
		},
	};
}
