// Uploaded logos and favicons are recognised by their bytes, never by their name or claimed type. An SVG is only ever
// shown through <img> (where it runs no script) and served with a CSP that forbids everything but its own inline
// styles, in a sandbox; one that carries scripts, event handlers or embedded HTML is refused outright besides.

/** The kinds of image a logo or favicon may be, with the content type each is served as. */
export const imageTypes = { png: "image/png", svg: "image/svg+xml", ico: "image/x-icon" } as const;
export type ImageType = (typeof imageTypes)[keyof typeof imageTypes];

/** The largest logo or favicon, in bytes. */
export const maxImageBytes = 512 * 1024;

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const icoSignature = Buffer.from([0x00, 0x00, 0x01, 0x00]);
const active = /<script|<foreignobject|\son[a-z]+\s*=|javascript:|<!entity/i;

/** What an upload is: a known image type, an SVG with active content, or something else. */
export function recogniseImage(data: Buffer, allowIco: boolean): { ok: true; type: ImageType } | { ok: false; key: string } {
	if (data.subarray(0, 8).equals(pngSignature)) return { ok: true, type: imageTypes.png };
	if (allowIco && data.subarray(0, 4).equals(icoSignature)) return { ok: true, type: imageTypes.ico };
	const text = data.toString("utf8");
	// Optional byte order mark, XML declaration, comments and doctype before the root element.
	if (/^\ufeff?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!doctype[^>]*>\s*)*<svg[\s>]/i.test(text)) {
		return active.test(text) ? { ok: false, key: "branding.error.svgActive" } : { ok: true, type: imageTypes.svg };
	}
	return { ok: false, key: allowIco ? "branding.error.faviconType" : "branding.error.logoType" };
}

/** Headers for serving a stored image: its own type, cached (the address carries a version), and a CSP for SVG opened directly. */
export function imageHeaders(type: string): Record<string, string> {
	return {
		"content-type": type,
		"cache-control": "public, max-age=31536000, immutable",
		"content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
	};
}
