import type { Config } from "../config.js";

/**
 * The site's address without a trailing slash, for links in mails, feeds and the e-ID callback: PUBLIC_URL, else (in
 * development) the configured host and port. Never a request's Host header, which whoever sends the request chooses.
 */
export function publicBaseUrl(config: Pick<Config, "publicUrl" | "host" | "port">): string {
	if (config.publicUrl) return config.publicUrl.replace(/\/$/, "");
	const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host.includes(":") ? `[${config.host}]` : config.host;
	return `http://${host}:${config.port}`;
}

/** Whether the site is served over https, as its PUBLIC_URL says (a proxy in front may speak plain http to it). */
export function servedOverHttps(config: Pick<Config, "publicUrl">): boolean {
	return config.publicUrl?.startsWith("https:") ?? false;
}
