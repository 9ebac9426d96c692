// Files given as evidence with a goal's report: a few common document and image types, recognised by their first bytes
// (a name ending in .pdf proves nothing), kept in the database and only ever served as a download.
import { uploadOptions } from "../../plugins/uploads.js";

export { isUploadedFile, type UploadedFile } from "../../plugins/uploads.js";

/** The largest evidence file, in bytes. */
export const maxEvidenceFileBytes = 5 * 1024 * 1024;

/** The most files one goal's report may have. */
export const maxEvidenceFiles = 5;

/** Options for @fastify/multipart on the evidence upload route. */
export const evidenceMultipartOptions = uploadOptions(maxEvidenceFileBytes);

/** What the file chooser offers; the same types the server accepts. */
export const evidenceAccept = ".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.csv";

const startsWith = (data: Buffer, bytes: number[]) => bytes.every((b, i) => data[i] === b);

// Office Open XML and OpenDocument files are zip archives; the name's ending tells which kind.
const zipped: Record<string, string> = {
	docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	odt: "application/vnd.oasis.opendocument.text",
	ods: "application/vnd.oasis.opendocument.spreadsheet",
	odp: "application/vnd.oasis.opendocument.presentation",
};

function isUtf8Text(data: Buffer): boolean {
	if (data.includes(0)) return false;
	try {
		new TextDecoder("utf-8", { fatal: true }).decode(data);
		return true;
	} catch {
		return false;
	}
}

/** The type of an evidence file from its content (and, for zip-based office files and text, its name); null when it is not one we take. */
export function evidenceType(data: Buffer, fileName: string): string | null {
	const ext = fileName.toLowerCase().split(".").pop() ?? "";
	if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
	if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
	if (startsWith(data, [0xff, 0xd8, 0xff])) return "image/jpeg";
	if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return zipped[ext] ?? null;
	if ((ext === "txt" || ext === "csv") && isUtf8Text(data)) return ext === "csv" ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8";
	return null;
}

/** A file name safe to store and to send back: letters, digits, dots, dashes, spaces and underscores. */
export const safeFileName = (name: string) => name.replace(/[^\p{L}\p{N}._ -]+/gu, "_").slice(0, 200) || "underlag";
