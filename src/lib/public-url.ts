import type { FastifyRequest } from "fastify";
import type { Config } from "../config.js";

/** The site's address without a trailing slash, for links in mails and feeds: the configured public URL, else the request's host. */
export function publicBaseUrl(config: Config, req: FastifyRequest): string {
	return config.publicUrl?.replace(/\/$/, "") ?? `${req.protocol}://${req.host}`;
}
