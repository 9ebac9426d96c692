import * as oidc from "openid-client";
import type { Config, EidConfig } from "../../config.js";
import { localPath } from "../../lib/local-path.js";
import { checkPinClaim, type VerifiedPin } from "./eid.pin.js";
import { seal, unseal } from "./eid.seal.js";

/** Why an e-ID sign-in did not give a verified identity; each has its own message for the person. */
export type EidRefusal = "notConfigured" | "unavailable" | "cancelled" | "expired" | "failed" | "noPin" | "badPin";

/** The cookie that carries one sign-in attempt (state, nonce, PKCE verifier) from /eid/start to /eid/callback. */
export const flowCookie = "medskapa_eid_flow";
/** The cookie that carries the verified identity from the callback to the page that asked for it. */
export const identityCookie = "medskapa_eid";
/** How long a sign-in attempt and a verified identity stay valid. */
export const eidTtlMs = 10 * 60 * 1000;

type Flow = { state: string; nonce: string; verifier: string; returnTo: string };

// One discovery per configuration; a failed one is forgotten so the next request tries again.
const discovered = new WeakMap<EidConfig, Promise<oidc.Configuration>>();

function provider(eid: EidConfig): Promise<oidc.Configuration> {
	let found = discovered.get(eid);
	if (!found) {
		found = oidc.discovery(new URL(eid.issuer), eid.clientId, undefined, oidc.ClientSecretBasic(eid.clientSecret), {
			// Only a test setting allows a plain-http issuer; production talks TLS only.
			execute: eid.allowHttp ? [oidc.allowInsecureRequests] : [],
		});
		found.catch(() => discovered.delete(eid));
		discovered.set(eid, found);
	}
	return found;
}

/** The link that starts an e-ID sign-in and comes back to a page on this site. */
export function eidStartUrl(returnTo: string): string {
	return `/eid/start?returnTo=${encodeURIComponent(returnTo)}`;
}

/** Starts a sign-in: the provider's URL to send the person to, and the sealed attempt to keep in a cookie. */
export async function startSignIn(
	config: Config,
	input: { callbackUrl: string; returnTo: unknown },
): Promise<{ ok: true; redirectTo: string; flow: string } | { ok: false; reason: EidRefusal }> {
	const eid = config.eid;
	if (!eid) return { ok: false, reason: "notConfigured" };
	let server: oidc.Configuration;
	try {
		server = await provider(eid);
	} catch {
		return { ok: false, reason: "unavailable" };
	}
	const flow: Flow = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), returnTo: localPath(input.returnTo) };
	const url = oidc.buildAuthorizationUrl(server, {
		redirect_uri: input.callbackUrl,
		scope: eid.scopes,
		state: flow.state,
		nonce: flow.nonce,
		code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
		code_challenge_method: "S256",
	});
	return { ok: true, redirectTo: url.href, flow: seal(config.sessionSecret, flowCookie, flow, eidTtlMs) };
}

/**
 * Finishes a sign-in: checks the provider's answer against the attempt (state, PKCE, nonce, ID token) and reads the
 * personal identity number from the ID token or, when the broker puts it there, the userinfo endpoint.
 * On success it gives the sealed identity for the identity cookie; the number itself is never stored or logged.
 */
export async function finishSignIn(
	config: Config,
	input: { currentUrl: URL; flow: string | undefined },
): Promise<
	| { ok: true; identity: string; returnTo: string }
	| { ok: false; reason: EidRefusal; returnTo: string; detail?: string }
> {
	const eid = config.eid;
	if (!eid) return { ok: false, reason: "notConfigured", returnTo: "/" };
	const flow = unseal<Flow>(config.sessionSecret, flowCookie, input.flow);
	if (!flow) return { ok: false, reason: "expired", returnTo: "/" };
	const { returnTo } = flow;
	if (input.currentUrl.searchParams.get("error") === "access_denied") return { ok: false, reason: "cancelled", returnTo };
	let server: oidc.Configuration;
	try {
		server = await provider(eid);
	} catch {
		return { ok: false, reason: "unavailable", returnTo };
	}
	let claims: Record<string, unknown>;
	try {
		const tokens = await oidc.authorizationCodeGrant(server, input.currentUrl, {
			pkceCodeVerifier: flow.verifier,
			expectedState: flow.state,
			expectedNonce: flow.nonce,
			idTokenExpected: true,
		});
		const idClaims = tokens.claims();
		if (!idClaims) return { ok: false, reason: "failed", returnTo };
		claims = idClaims;
		if (claims[eid.pinClaim] === undefined) claims = await oidc.fetchUserInfo(server, tokens.access_token, idClaims.sub);
	} catch (err) {
		// Only the error's name and code: never the claims, which hold the personal identity number.
		const e = err as { name?: string; code?: string; error?: string };
		return { ok: false, reason: "failed", returnTo, detail: [e.name, e.code, e.error].filter(Boolean).join(" ") };
	}
	const value = claims[eid.pinClaim];
	if (value === undefined || value === null || value === "") return { ok: false, reason: "noPin", returnTo };
	const verified = checkPinClaim(value);
	if (!verified) return { ok: false, reason: "badPin", returnTo };
	return { ok: true, identity: seal(config.sessionSecret, identityCookie, verified, eidTtlMs), returnTo };
}

/** The identity in a sealed identity cookie, or null when there is none or it has run out. */
export function openIdentity(config: Config, sealed: string | undefined): VerifiedPin | null {
	return unseal<VerifiedPin>(config.sessionSecret, identityCookie, sealed);
}
