// A small client for Kolada's open API v3 (https://api.kolada.se/v3): metadata, groups, municipalities and data.
// Plain fetch; polite by default (one request at a time, a minimum interval between them), patient with 429 and 5xx.

/** A key figure's metadata as Kolada describes it (unknown extra fields are ignored). */
export type KoladaKpi = { id: string; title: string; description: string; unit: string; isDividedByGender: boolean; municipalityType: string; publicationDate: string | null };

/** A municipality (type "K") or region (type "L"); "0000" is the whole country. */
export type KoladaMunicipality = { id: string; title: string; type: string };

/** A named group of key figures or municipalities, e.g. KKiK. */
export type KoladaGroup = { id: string; title: string; memberIds: string[] };

/** One value of a key figure for one municipality, year and gender (T total, K women, M men); null with a status when missing. */
export type KoladaValue = { kpi: string; municipality: string; year: number; gender: string; value: number | null; status: string };

/** Settings of a client; tests set `minIntervalMs` and `backoffMs` low. */
export type KoladaOptions = {
	baseUrl: string;
	/** Least time between the starts of two requests, to be polite to Kolada. */
	minIntervalMs?: number;
	timeoutMs?: number;
	/** How many times a request is tried again after a 429, a 5xx, a timeout or a network error. */
	retries?: number;
	/** First wait before trying again; doubled each time, with random jitter added. */
	backoffMs?: number;
	/** Longest wait a Retry-After header may ask for. */
	maxRetryAfterMs?: number;
	/** Items per page (Kolada allows at most 5000). */
	perPage?: number;
};

/** Kolada could not be used: the message says what was asked and what went wrong. */
export class KoladaError extends Error {
	constructor(
		message: string,
		readonly url: string,
	) {
		super(`${message} (${url})`);
	}
}

/** Most items Kolada accepts in one comma list of a path segment. */
export const maxPerSegment = 25;

type Page = { values: unknown[]; next_url?: string | null };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Splits a list into chunks of at most `size` items. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
	return out;
}

function retryAfterMs(header: string | null): number | null {
	if (!header) return null;
	const seconds = Number(header);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(header);
	return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

const text = (v: unknown) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));

// Kolada has no unit field; its titles end with the unit after a comma ("Invånare totalt, antal", "…, andel (%)").
function unitOf(title: string): string {
	const last = title.slice(title.lastIndexOf(",") + 1).trim();
	return title.includes(",") && last.length <= 20 ? last : "";
}

function parseKpi(raw: Record<string, unknown>): KoladaKpi {
	return {
		id: text(raw.id),
		title: text(raw.title),
		unit: unitOf(text(raw.title)),
		description: text(raw.description),
		isDividedByGender: raw.is_divided_by_gender === true || Number(raw.is_divided_by_gender) === 1,
		municipalityType: text(raw.municipality_type),
		publicationDate: text(raw.publication_date) || null,
	};
}

function parseGroup(raw: Record<string, unknown>): KoladaGroup {
	const members = Array.isArray(raw.members) ? (raw.members as Record<string, unknown>[]) : [];
	return { id: text(raw.id), title: text(raw.title), memberIds: members.map((m) => text(m.member_id ?? m.id)) };
}

function parseData(raw: Record<string, unknown>, url: string): KoladaValue[] {
	if (!Array.isArray(raw.values)) throw new KoladaError("Kolada sent a data item without values", url);
	const year = Number(raw.period);
	return (raw.values as Record<string, unknown>[]).map((v) => {
		const value = v.value === null || v.value === undefined || v.value === "" ? null : Number(v.value);
		if (value !== null && !Number.isFinite(value)) throw new KoladaError(`Kolada sent a value that is not a number: ${JSON.stringify(v.value)}`, url);
		return { kpi: text(raw.kpi), municipality: text(raw.municipality), year, gender: text(v.gender) || "T", value, status: text(v.status) };
	});
}

/** A Kolada client; `requests` counts the HTTP requests it has made. */
export class KoladaClient {
	requests = 0;
	private readonly base: URL;
	private readonly o: Required<KoladaOptions>;
	private queue: Promise<unknown> = Promise.resolve();
	private lastStart = 0;

	constructor(options: KoladaOptions) {
		this.o = { minIntervalMs: 250, timeoutMs: 30_000, retries: 4, backoffMs: 500, maxRetryAfterMs: 120_000, perPage: 5000, ...options };
		this.base = new URL(options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`);
	}

	/** Metadata of the key figures with these ids (unknown ids are simply absent). */
	async kpis(ids: readonly string[]): Promise<KoladaKpi[]> {
		const out: KoladaKpi[] = [];
		for (const part of chunks(ids, maxPerSegment)) out.push(...(await this.all(`kpi/${part.join(",")}`)).map(parseKpi));
		return out;
	}

	/** Key figure groups, optionally those whose title contains `title` (e.g. "kkik"). */
	async kpiGroups(title?: string): Promise<KoladaGroup[]> {
		return (await this.all("kpi_groups", title ? { title } : {})).map(parseGroup);
	}

	/** Municipalities and regions, all of them or those with these ids. */
	async municipalities(ids?: readonly string[]): Promise<KoladaMunicipality[]> {
		const parts = ids ? chunks(ids, maxPerSegment).map((p) => `municipality/${p.join(",")}`) : ["municipality"];
		const out: KoladaMunicipality[] = [];
		for (const path of parts) out.push(...(await this.all(path)).map((m) => ({ id: text(m.id), title: text(m.title), type: text(m.type) })));
		return out;
	}

	/** Municipality groups, optionally those whose title contains `title`. */
	async municipalityGroups(title?: string): Promise<KoladaGroup[]> {
		return (await this.all("municipality_groups", title ? { title } : {})).map(parseGroup);
	}

	/** The municipality groups with these ids, with their members as Kolada has them now (unknown ids are simply absent). */
	async municipalityGroupsById(ids: readonly string[]): Promise<KoladaGroup[]> {
		const out: KoladaGroup[] = [];
		for (const part of chunks(ids, maxPerSegment)) out.push(...(await this.all(`municipality_groups/${part.join(",")}`)).map(parseGroup));
		return out;
	}

	/** Every value of these key figures for these municipalities and years, one per gender; lists longer than 25 are split. */
	async data(kpis: readonly string[], municipalities: readonly string[], years: readonly number[]): Promise<KoladaValue[]> {
		const out: KoladaValue[] = [];
		for (const k of chunks(kpis, maxPerSegment)) {
			for (const m of chunks(municipalities, maxPerSegment)) {
				for (const y of chunks(years, maxPerSegment)) {
					const path = `data/kpi/${k.join(",")}/municipality/${m.join(",")}/year/${y.join(",")}`;
					for (const item of await this.all(path)) out.push(...parseData(item, path));
				}
			}
		}
		return out;
	}

	// Every item of a listing, following next_url to the last page.
	private async all(path: string, query: Record<string, string> = {}): Promise<Record<string, unknown>[]> {
		const first = new URL(path, this.base);
		for (const [k, v] of Object.entries(query)) first.searchParams.set(k, v);
		first.searchParams.set("per_page", String(this.o.perPage));
		const items: Record<string, unknown>[] = [];
		const seen = new Set<string>();
		let url: URL | null = first;
		while (url) {
			if (seen.has(url.href)) throw new KoladaError("Kolada's next_url points back to a page already read", url.href);
			seen.add(url.href);
			const page = await this.page(url);
			items.push(...(page.values as Record<string, unknown>[]));
			url = page.next_url ? this.sameOrigin(page.next_url, url.href) : null;
		}
		return items;
	}

	// Follows only links to the configured Kolada, never elsewhere.
	private sameOrigin(next: string, from: string): URL {
		const url = new URL(next, from);
		if (url.origin !== this.base.origin) throw new KoladaError(`Kolada's next_url leads to another site: ${url.origin}`, from);
		return url;
	}

	private async page(url: URL): Promise<Page> {
		const body = await this.fetchText(url.href);
		let parsed: unknown;
		try {
			parsed = JSON.parse(body);
		} catch {
			throw new KoladaError(`Kolada's answer is not JSON: ${JSON.stringify(body.slice(0, 80))}`, url.href);
		}
		const page = parsed as Page;
		if (!page || typeof page !== "object" || !Array.isArray(page.values) || page.values.some((v) => !v || typeof v !== "object")) {
			throw new KoladaError("Kolada's answer has no list of values", url.href);
		}
		return page;
	}

	// One GET, tried again with exponential back-off and jitter on 429 (honouring Retry-After), 5xx, timeouts and network errors.
	private async fetchText(url: string): Promise<string> {
		let problem = "";
		for (let attempt = 0; attempt <= this.o.retries; attempt++) {
			const backoff = this.o.backoffMs * 2 ** attempt + Math.random() * this.o.backoffMs;
			let res: Response;
			try {
				res = await this.politely(() => fetch(url, { headers: { accept: "application/json" }, signal: AbortSignal.timeout(this.o.timeoutMs) }));
			} catch (err) {
				const timedOut = err instanceof Error && err.name === "TimeoutError";
				problem = timedOut ? `no answer within ${this.o.timeoutMs} ms` : `could not reach Kolada: ${err instanceof Error ? err.message : String(err)}`;
				if (attempt < this.o.retries) await sleep(backoff);
				continue;
			}
			if (res.ok) {
				try {
					return await res.text();
				} catch (err) {
					problem = `the answer broke off: ${err instanceof Error ? err.message : String(err)}`;
					continue;
				}
			}
			await res.body?.cancel();
			problem = `HTTP ${res.status}`;
			if (res.status !== 429 && res.status < 500) throw new KoladaError(`Kolada refused the request: ${problem}`, url);
			const asked = res.status === 429 ? retryAfterMs(res.headers.get("retry-after")) : null;
			if (attempt < this.o.retries) await sleep(asked === null ? backoff : Math.min(asked, this.o.maxRetryAfterMs));
		}
		throw new KoladaError(`Kolada failed after ${this.o.retries + 1} tries: ${problem}`, url);
	}

	// One request at a time, each starting at least minIntervalMs after the one before.
	private politely<T>(run: () => Promise<T>): Promise<T> {
		const turn = this.queue.then(async () => {
			const wait = this.lastStart + this.o.minIntervalMs - Date.now();
			if (wait > 0) await sleep(wait);
			this.lastStart = Date.now();
			this.requests++;
			return run();
		});
		this.queue = turn.catch(() => undefined);
		return turn;
	}
}
