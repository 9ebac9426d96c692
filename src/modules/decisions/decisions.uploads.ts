// Uploaded documents of a basis for decision arrive as multipart forms; the file is kept in memory
// (it goes into the database as bytea) and never trusted for its type: it is always served as a download.
import type { FastifyMultipartAttachFieldsToBodyOptions, MultipartFile } from "@fastify/multipart";

/** The largest document an official may upload, in bytes. */
export const maxDocumentBytes = 2 * 1024 * 1024;

/** An uploaded file as the services see it; `tooLarge` when it was cut off at the limit. */
export type UploadedFile = { data: Buffer; fileName: string; tooLarge: boolean };

/** Options for @fastify/multipart: form fields become plain values, a file an UploadedFile, one file at most. */
export const multipartOptions: FastifyMultipartAttachFieldsToBodyOptions = {
	attachFieldsToBody: "keyValues",
	throwFileSizeLimit: false,
	limits: { fileSize: maxDocumentBytes, files: 1, fields: 20 },
	async onFile(part: MultipartFile) {
		const data = await part.toBuffer();
		const value: UploadedFile = { data, fileName: part.filename, tooLarge: part.file.truncated };
		part.value = value;
	},
};

/** Whether a form value is an uploaded file. */
export function isUploadedFile(value: unknown): value is UploadedFile {
	return typeof value === "object" && value !== null && Buffer.isBuffer((value as UploadedFile).data);
}
