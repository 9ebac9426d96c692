// What a screen reader gets from a PDF: its structure tree in reading order, each element's role with its text, read
// with pdf.js (through unpdf) the way assistive technology reads tagged PDFs.
import { getDocumentProxy } from "unpdf";

type Node = { role?: string; type?: string; id?: string; children?: Node[] };

/** Whether the PDF says it is tagged, and its elements as "role: text" lines (headings, paragraphs, list bodies). */
export async function pdfStructure(bytes: Uint8Array): Promise<{ tagged: boolean; lang: string | null; elements: string[] }> {
	const pdf = await getDocumentProxy(bytes);
	const markInfo = (await pdf.getMarkInfo()) as { Marked?: boolean } | null;
	const elements: string[] = [];
	for (let n = 1; n <= pdf.numPages; n++) {
		const page = await pdf.getPage(n);
		// Each marked content's text, by the id the structure tree names it with.
		const texts = new Map<string, string>();
		let open: string | null = null;
		for (const item of (await page.getTextContent({ includeMarkedContent: true })).items as { type?: string; id?: string; str?: string }[]) {
			if (item.type === "beginMarkedContentProps" && item.id) open = item.id;
			else if (item.type === "endMarkedContent") open = null;
			else if (open && item.str !== undefined) texts.set(open, (texts.get(open) ?? "") + item.str);
		}
		const walk = (node: Node) => {
			const own = (node.children ?? []).filter((c) => c.type === "content").map((c) => texts.get(c.id!) ?? "").join("").trim();
			if (node.role && own) elements.push(`${node.role}: ${own}`);
			for (const child of node.children ?? []) if (child.role) walk(child);
		};
		const tree = (await page.getStructTree()) as Node | null;
		if (tree) walk(tree);
	}
	const lang = ((await pdf.getMetadata()).info as { Language?: string }).Language ?? null;
	return { tagged: markInfo?.Marked === true, lang, elements };
}
