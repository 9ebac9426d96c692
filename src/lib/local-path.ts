/** The value if it is a path on this site, else "/": where to send a person back to after a redirect ("//host" and "/\host" would leave the site). */
export function localPath(value: unknown): string {
	return typeof value === "string" && /^\/(?![/\\])[^\s]*$/.test(value) ? value : "/";
}
