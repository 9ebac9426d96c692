const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a uuid; checked before a query so a malformed id in a URL is a 404, not a database error. */
export function isUuid(value: unknown): value is string {
	return typeof value === "string" && uuidPattern.test(value);
}
