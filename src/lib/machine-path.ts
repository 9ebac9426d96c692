/** Paths read by programs, not people: answered in JSON, also when they fail, and never rendered in the site's layout. */
export function isMachinePath(url: string): boolean {
	return url.startsWith("/api/") || url === "/health" || url.startsWith("/health?");
}
