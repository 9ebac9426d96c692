/** An error a person caused or may see, with the status it answers and a message key. */
export class HttpError extends Error {
	constructor(
		readonly statusCode: number,
		readonly messageKey: string,
		readonly titleKey: string,
		readonly params?: Record<string, string>,
	) {
		super(messageKey);
	}
}

/** The record asked for does not exist (or the viewer may not know it does). */
export const notFound = () => new HttpError(404, "error.page.notFound.text", "error.page.notFound.title");
/** The viewer is signed in but lacks the role. */
export const forbidden = () => new HttpError(403, "error.page.forbidden.text", "error.page.forbidden.title");
/** The viewer must sign in first. */
export const unauthorized = () => new HttpError(401, "error.page.unauthorized.text", "error.page.forbidden.title");
/** Too many attempts in a short time; the message (made by tryAgainFrom) says from when to try again. */
export const tooManyRequests = (message: string) => new HttpError(429, message, "error.page.tooMany.title");
