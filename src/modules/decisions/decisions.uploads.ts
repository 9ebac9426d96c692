// Uploaded documents of a basis for decision go into the database as bytea and are always served as a download.
import { uploadOptions } from "../../plugins/uploads.js";

export { isUploadedFile } from "../../plugins/uploads.js";

/** The largest document an official may upload, in bytes. */
export const maxDocumentBytes = 2 * 1024 * 1024;

/** Options for @fastify/multipart on the document upload route. */
export const multipartOptions = uploadOptions(maxDocumentBytes);
