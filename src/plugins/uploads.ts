// Uploaded files arrive as multipart forms, parsed only on the routes of upload forms (each registers @fastify/multipart
// in its own scope with its own limit), and are kept in memory; they are never trusted for their type.
import type { FastifyMultipartAttachFieldsToBodyOptions, MultipartFile } from "@fastify/multipart";

/** An uploaded file as the services see it; `tooLarge` when it was cut off at the form's limit. */
export type UploadedFile = { data: Buffer; fileName: string; tooLarge: boolean };

/** Options for @fastify/multipart on an upload form: fields become plain values (so CSRF checks work alike), the one file an UploadedFile cut off at maxBytes. */
export function uploadOptions(maxBytes: number): FastifyMultipartAttachFieldsToBodyOptions {
	return {
		attachFieldsToBody: "keyValues",
		throwFileSizeLimit: false,
		limits: { fileSize: maxBytes, files: 1, fields: 40 },
		async onFile(part: MultipartFile) {
			const data = await part.toBuffer();
			const value: UploadedFile = { data, fileName: part.filename, tooLarge: part.file.truncated };
			part.value = value;
		},
	};
}

/** Whether a form value is an uploaded file. */
export function isUploadedFile(value: unknown): value is UploadedFile {
	return typeof value === "object" && value !== null && Buffer.isBuffer((value as UploadedFile).data);
}
