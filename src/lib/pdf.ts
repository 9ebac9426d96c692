// A4 PDFs made in Node with PDFKit. Its standard Helvetica uses WinAnsi encoding, which holds å, ä and ö, so Swedish
// text needs no embedded font. PDFKit is loaded on first use: it and its fonts are large, and most starts make no PDF.
// The PDF is tagged: every text is written through the helpers below into a structure tree (headings, paragraphs,
// lists), so a screen reader reads it in order and knows the headings. Writing with `doc.text` directly would leave
// text outside the tree, which assistive technology skips.
import type PDFKit from "pdfkit";

type TextOptions = PDFKit.Mixins.TextOptions;

/** A started A4 document with helpers that write tagged text; `finish()` ends it and gives the bytes. */
export async function a4Pdf(title: string, lang: string) {
	const { default: PDFDocument } = await import("pdfkit");
	const doc: PDFKit.PDFDocument = new PDFDocument({ size: "A4", margin: 56, info: { Title: title }, lang, displayTitle: true, tagged: true, pdfVersion: "1.7" });
	const chunks: Buffer[] = [];
	doc.on("data", (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on("end", () => resolve(Buffer.concat(chunks)));
		doc.on("error", reject);
	});
	const root = doc.struct("Document");
	doc.addStructure(root);
	const text = (s: string, options: TextOptions = {}, structType = "P") => doc.text(s, { ...options, structParent: root, structType });
	return {
		doc,
		/** A paragraph (one line or more) in the current font. */
		text,
		/** The document's title, once, at the top. */
		title: (s: string, size = 16) => {
			doc.font("Helvetica-Bold").fontSize(size);
			text(s, {}, "H1");
			doc.font("Helvetica").fontSize(11);
		},
		/** A heading: level 2 for sections, 3 for their parts. */
		heading: (s: string, size = 12, level: 2 | 3 | 4 = 2) => {
			doc.moveDown(0.6).font("Helvetica-Bold").fontSize(size);
			text(s, {}, `H${level}`);
			doc.font("Helvetica").fontSize(11).moveDown(0.2);
		},
		/** Text split into paragraphs at blank lines. */
		paragraphs: (s: string) => {
			for (const p of s.split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean)) {
				text(p);
				doc.moveDown(0.4);
			}
		},
		/** A list, tagged as one (L, LI, Lbl, LBody). */
		list: (items: string[], listType: "bullet" | "numbered" = "bullet") => {
			const l = doc.struct("L");
			root.add(l);
			doc.list(items, { listType, structParent: l });
			l.end();
		},
		finish: () => {
			doc.end();
			return done;
		},
	};
}
