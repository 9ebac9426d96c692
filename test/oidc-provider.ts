// A real OpenID provider (the oidc-provider package) on a random localhost port, for e-ID tests.
// People sign in on its built-in login form; the login name picks the account and so the claims it returns.
import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after } from "node:test";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";
import type { EidConfig } from "../src/config.js";

/** The Swedish OIDC profile's scope for the personal identity number. */
export const pinScope = "https://id.oidc.se/scope/naturalPersonNumber";

/** The claim names a broker may carry the personal identity number in; the provider releases all of them. */
const pinClaims = ["https://id.oidc.se/claim/personalIdentityNumber", "ssn", "nin"];

/** A running test provider: its issuer and the e-ID settings that make Medskapa use it. */
export type TestProvider = { issuer: string; eid: EidConfig };

/**
 * Starts a provider whose accounts are login names. `accounts` maps a login to the claims beyond `sub`;
 * any other login gets the login itself as its personal identity number. Stops after the test file.
 */
export async function startOidcProvider(
	options: { accounts?: Record<string, Record<string, unknown>> } = {},
): Promise<TestProvider> {
	const pinClaim = pinClaims[0] as string;
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
	const client = { client_id: "medskapa-test", client_secret: "medskapa-test-secret-0123456789abcdef" };
	const provider = new Provider(issuer, {
		clients: [
			{
				...client,
				// Any local port: the app under test listens on a random one.
				redirect_uris: ["http://127.0.0.1/eid/callback"],
				grant_types: ["authorization_code"],
				response_types: ["code"],
				token_endpoint_auth_method: "client_secret_basic",
			},
		],
		jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test", use: "sig", alg: "RS256" }] },
		cookies: { keys: ["medskapa-test-provider-cookie-key"] },
		scopes: ["openid", pinScope],
		claims: { openid: ["sub"], [pinScope]: pinClaims },
		ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
		features: { devInteractions: { enabled: true } },
		findAccount: async (_ctx: KoaContextWithOIDC, sub: string) => ({
			accountId: sub,
			claims: async () => ({ sub, ...(options.accounts?.[sub] ?? { [pinClaim]: sub }) }),
		}),
		// A broker asks no consent: the municipality is the only client. The grant covers what was asked for.
		loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
			const { client: c, session, params } = ctx.oidc;
			if (!c || !session?.accountId) return undefined;
			const grant = new ctx.oidc.provider.Grant({ clientId: c.clientId, accountId: session.accountId });
			grant.addOIDCScope(String(params?.scope ?? "openid"));
			await grant.save();
			return grant;
		},
	});
	// The redirect URI's port differs per run; the registered one is matched ignoring it (loopback, RFC 8252).
	provider.Client.prototype.redirectUriAllowed = (uri: string) => {
		const u = new URL(uri);
		return u.hostname === "127.0.0.1" && u.pathname === "/eid/callback";
	};
	server.on("request", provider.callback());
	after(() => new Promise<void>((resolve) => server.close(() => resolve())));
	return {
		issuer,
		eid: { issuer, clientId: client.client_id, clientSecret: client.client_secret, pinClaim, scopes: `openid ${pinScope}`, allowHttp: true },
	};
}
