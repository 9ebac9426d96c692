// A redirect target from a query or form must stay on this site and be a valid Location header. Browsers read a
// backslash as a slash and skip tabs and line breaks, so "/\host", "/\t/host" and "/%2F%2Fhost" all mean "//host";
// characters outside printable ASCII (a newline, an ideographic full stop) cannot go into a header at all.
const printablePath = /^\/(?![/\\])[\x21-\x5b\x5d-\x7e]*$/;
const leavesSite = /^\/[/\\]|[\p{Cc}\\]/u;

/** The value if it is a path on this site, else "/": where to send a person back to after a redirect. */
export function localPath(value: unknown): string {
	if (typeof value !== "string" || !printablePath.test(value)) return "/";
	return leavesSite.test(decodedPath(value) ?? "//") ? "/" : value;
}

// The path without its query or fragment, percent-escapes decoded once (null if they are malformed).
function decodedPath(value: string): string | null {
	try {
		return decodeURIComponent(value.split(/[?#]/)[0]!);
	} catch {
		return null;
	}
}
