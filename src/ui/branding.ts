/** The installation's look as every page needs it (set by an administrator; see modules/branding). */
export type SiteBranding = {
	/** The site's name; null shows the product's own name. */
	name: string | null;
	/** The logo's text alternative when there is a logo. */
	logoAlt: string | null;
	/** Whether colours other than site.css's own are chosen, so the theme stylesheet is linked. */
	themed: boolean;
	hasFavicon: boolean;
	/** Changes with every save, so browsers fetch the new logo, favicon and theme. */
	version: string;
};

/** The look before anyone has chosen one: site.css's colours and the product's name. */
export const defaultBranding: SiteBranding = { name: null, logoAlt: null, themed: false, hasFavicon: false, version: "0" };
