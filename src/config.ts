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
});

/** Typed configuration of one Medskapa process. */
export type Config = {
	port: number;
	host: string;
	databaseUrl: string;
	/** Key for HMACs (CSRF tokens); random per process when not set, fine for one process. */
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
	const multiProcess = e.DATABASE_URL.startsWith("postgres");
	if (multiProcess && !e.SESSION_SECRET && process.env.NODE_ENV === "production") {
		throw new ConfigError(["SESSION_SECRET: must be set in production so that all processes share it"]);
	}
	return {
		port: e.PORT,
		host: e.HOST,
		databaseUrl: e.DATABASE_URL,
		sessionSecret: e.SESSION_SECRET ?? crypto.randomUUID() + crypto.randomUUID(),
		publicUrl: e.PUBLIC_URL,
		smtpUrl: e.SMTP_URL,
		mailFrom: e.MAIL_FROM,
		redisUrl: e.REDIS_URL,
		trustProxy: e.TRUST_PROXY === "true",
		logLevel: e.LOG_LEVEL,
		demoOnEmpty: e.DEMO_ON_EMPTY === "true",
		readCacheMs: e.READ_CACHE_MS,
	};
}
