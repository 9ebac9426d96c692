import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";

const schema = z.object({
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	HOST: z.string().min(1).default("127.0.0.1"),
	DATABASE_URL: z
		.string()
		.regex(/^(postgres(ql)?:\/\/|pglite:)/, "must start with postgres://, postgresql:// or pglite:")
		.default("pglite:./data/pglite"),
	SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
	PUBLIC_URL: z.url("must be a full URL such as https://medskapa.example.se").optional(),
	SMTP_URL: z
		.string()
		.regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
		.optional(),
	MAIL_FROM: z.string().min(3).default("Medskapa <no-reply@medskapa.local>"),
	REDIS_URL: z
		.string()
		.regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
		.optional(),
	TRUST_PROXY: z.enum(["true", "false"]).default("false"),
	LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
	DEMO_ON_EMPTY: z.enum(["true", "false"]).default("true"),
	READ_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
	SURVEY_ANSWERS_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(30),
	LOCALITIES: z.string().default("Norsjö,Bastuträsk,Kusfors,Petiknäs,Petikträsk,Norsjövallen"),
	VOTE_ROLL_KEY: z.string().min(32, "must be at least 32 characters").optional(),
	EID_ISSUER: z.url("must be the identity broker's issuer URL, such as https://eid.example.se").optional(),
	EID_CLIENT_ID: z.string().min(1).optional(),
	EID_CLIENT_SECRET: z.string().min(1).optional(),
	EID_PIN_CLAIM: z.string().min(1).default("https://id.oidc.se/claim/personalIdentityNumber"),
	EID_SCOPES: z.string().min(1).default("openid https://id.oidc.se/scope/naturalPersonNumber"),
	EID_ALLOW_HTTP: z.enum(["true", "false"]).default("false"),
	KOLADA_BASE_URL: z.url("must be Kolada's API address, such as https://api.kolada.se/v3").default("https://api.kolada.se/v3"),
});

/** The e-ID (OpenID Connect) relying party's settings; null when e-ID is not configured. */
export type EidConfig = {
	issuer: string;
	clientId: string;
	clientSecret: string;
	/** The claim that carries the personal identity number (brokers differ: `ssn`, `nin`, …). */
	pinClaim: string;
	scopes: string;
	/** Lets the client talk to an http:// issuer: only for tests against a local provider. */
	allowHttp: boolean;
};

const eidKeys = ["EID_ISSUER", "EID_CLIENT_ID", "EID_CLIENT_SECRET", "EID_PIN_CLAIM", "EID_SCOPES", "EID_ALLOW_HTTP"] as const;

/** Typed configuration of one Medskapa process. */
export type Config = {
	port: number;
	host: string;
	databaseUrl: string;
	/** Key for HMACs (CSRF tokens, sign-in codes, e-ID cookies); see `keys` for where it comes from. */
	sessionSecret: string;
	publicUrl: string | undefined;
	smtpUrl: string | undefined;
	mailFrom: string;
	redisUrl: string | undefined;
	trustProxy: boolean;
	logLevel: string;
	demoOnEmpty: boolean;
	/** How long public pages' data may be served from memory; other processes' changes show within this time. */
	readCacheMs: number;
	/** Key for the keyed hashes of personal identity numbers, codes and receipts in votes; must be stable across restarts. */
	voteRollKey: string;
	/** e-ID through the municipality's OpenID Connect broker; null when not configured. */
	eid: EidConfig | null;
	/** The programme's localities, offered by the surveys' standard background question "Var bor du?". */
	localities: string[];
	/** Anonymous survey answers allowed from one IP address per survey in ten minutes. */
	surveyAnswersPerIp: number;
	/** Kolada's API v3, where Kolada indicators' metadata and values are fetched. */
	koladaBaseUrl: string;
};

/** Thrown when the environment holds settings Medskapa cannot use; lists every problem at once. */
export class ConfigError extends Error {
	constructor(readonly problems: string[]) {
		super(`Medskapa cannot start, fix these settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
	}
}

/** Reads and checks the environment, with one clear message per wrong setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
	const parsed = schema.safeParse(blankless);
	if (!parsed.success) {
		throw new ConfigError(
			parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`),
		);
	}
	const e = parsed.data;
	const { SESSION_SECRET, VOTE_ROLL_KEY } = keys(e);
	if (process.env.NODE_ENV === "production" && !e.PUBLIC_URL) {
		throw new ConfigError(["PUBLIC_URL: must be set in production (the site's address, such as https://medskapa.example.se), so that links in mails never take their host from a request"]);
	}
	const eid = eidConfig(e, blankless);
	return {
		port: e.PORT,
		host: e.HOST,
		databaseUrl: e.DATABASE_URL,
		sessionSecret: SESSION_SECRET,
		publicUrl: e.PUBLIC_URL,
		smtpUrl: e.SMTP_URL,
		mailFrom: e.MAIL_FROM,
		redisUrl: e.REDIS_URL,
		trustProxy: e.TRUST_PROXY === "true",
		logLevel: e.LOG_LEVEL,
		demoOnEmpty: e.DEMO_ON_EMPTY === "true",
		readCacheMs: e.READ_CACHE_MS,
		surveyAnswersPerIp: e.SURVEY_ANSWERS_PER_IP,
		localities: e.LOCALITIES.split(",").map((l) => l.trim()).filter(Boolean),
		voteRollKey: VOTE_ROLL_KEY,
		eid,
		koladaBaseUrl: e.KOLADA_BASE_URL,
	};
}

type Keys = { SESSION_SECRET: string; VOTE_ROLL_KEY: string };
const keyNames = ["SESSION_SECRET", "VOTE_ROLL_KEY"] as const;
const keyPurpose: Record<keyof Keys, string> = {
	SESSION_SECRET: "so that every process signs forms and sign-in codes alike",
	VOTE_ROLL_KEY: "so that a copy of the database alone unseals no letter code and confirms no personal identity number; never change it during a vote",
};

/**
 * The process's keys. Set ones win. A real installation (PostgreSQL, a PUBLIC_URL, or NODE_ENV=production) must set
 * both; the embedded demo generates them once into a file beside its data directory, and an in-memory one per process.
 */
function keys(e: z.infer<typeof schema>): Keys {
	const given = { SESSION_SECRET: e.SESSION_SECRET, VOTE_ROLL_KEY: e.VOTE_ROLL_KEY };
	if (given.SESSION_SECRET && given.VOTE_ROLL_KEY) return given as Keys;
	const why = e.DATABASE_URL.startsWith("postgres")
		? "when Medskapa runs on PostgreSQL"
		: e.PUBLIC_URL
			? "when PUBLIC_URL is set"
			: process.env.NODE_ENV === "production"
				? "in production"
				: undefined;
	if (why) {
		const missing = keyNames.filter((name) => !given[name]);
		throw new ConfigError(missing.map((name) => `${name}: must be set ${why} (at least 32 random characters, e.g. from \`openssl rand -hex 32\`), ${keyPurpose[name]}`));
	}
	const dir = e.DATABASE_URL.slice("pglite:".length);
	const generated = dir === "" || dir === "memory:" ? randomKeys() : embeddedKeys(`${resolve(dir)}-keys.json`);
	return { SESSION_SECRET: given.SESSION_SECRET ?? generated.SESSION_SECRET, VOTE_ROLL_KEY: given.VOTE_ROLL_KEY ?? generated.VOTE_ROLL_KEY };
}

function randomKeys(): Keys {
	return { SESSION_SECRET: randomBytes(32).toString("hex"), VOTE_ROLL_KEY: randomBytes(32).toString("hex") };
}

/** The embedded database's keys from their file (owner-only), generated on its first start. */
function embeddedKeys(file: string): Keys {
	if (!existsSync(file)) createKeyFile(file);
	if (process.platform !== "win32" && (statSync(file).mode & 0o077) !== 0) {
		throw new ConfigError([`${file}: other users may read these keys; make it readable by its owner only (chmod 600 ${file})`]);
	}
	let stored: Partial<Keys> = {};
	try {
		stored = JSON.parse(readFileSync(file, "utf8"));
	} catch {
		// Reported below as missing keys.
	}
	const broken = keyNames.filter((name) => typeof stored[name] !== "string" || stored[name].length < 32);
	if (broken.length > 0) throw new ConfigError(broken.map((name) => `${file}: ${name} is missing or shorter than 32 characters; restore the file or set ${name}`));
	return stored as Keys;
}

function createKeyFile(file: string): void {
	mkdirSync(dirname(file), { recursive: true });
	// Written aside and linked into place: of two processes starting at once, both end up with the first one's keys.
	const draft = `${file}.${process.pid}.new`;
	const note = "Keys of this embedded Medskapa database, generated at its first start. Keep them with the data and share them with no one.";
	writeFileSync(draft, `${JSON.stringify({ note, ...randomKeys() }, null, 2)}\n`, { mode: 0o600 });
	try {
		linkSync(draft, file);
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
	} finally {
		rmSync(draft, { force: true });
	}
}

// e-ID is off unless some EID_ setting is given; then the three that identify the client are all needed.
function eidConfig(e: z.infer<typeof schema>, given: Record<string, unknown>): EidConfig | null {
	if (!eidKeys.some((k) => k in given)) return null;
	const problems: string[] = [];
	if (!e.EID_ISSUER) problems.push("EID_ISSUER: must be set when e-ID is configured (the identity broker's issuer URL)");
	if (!e.EID_CLIENT_ID) problems.push("EID_CLIENT_ID: must be set when e-ID is configured (the client id the broker gave you)");
	if (!e.EID_CLIENT_SECRET) problems.push("EID_CLIENT_SECRET: must be set when e-ID is configured (the client secret the broker gave you)");
	if (e.EID_ISSUER?.startsWith("http:") && e.EID_ALLOW_HTTP !== "true") {
		problems.push("EID_ISSUER: must start with https:// (EID_ALLOW_HTTP=true is for tests against a local provider only)");
	}
	if (problems.length > 0 || !e.EID_ISSUER || !e.EID_CLIENT_ID || !e.EID_CLIENT_SECRET) throw new ConfigError(problems);
	return {
		issuer: e.EID_ISSUER,
		clientId: e.EID_CLIENT_ID,
		clientSecret: e.EID_CLIENT_SECRET,
		pinClaim: e.EID_PIN_CLAIM,
		scopes: e.EID_SCOPES,
		allowHttp: e.EID_ALLOW_HTTP === "true",
	};
}
