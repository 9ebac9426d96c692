// A local stand-in for Kolada's API v3 on 127.0.0.1, serving Kolada-format answers from fixtures: the demo is seeded
// through the real sync code against it, and the tests and the benchmark use it so that nothing reaches the internet.
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

type Raw = Record<string, unknown>;

/** What the server serves, as Kolada's JSON items; `data` answers one key figure, municipality and year. */
export type KoladaFixtures = {
	kpis: Raw[];
	municipalities: Raw[];
	kpiGroups?: Raw[];
	municipalityGroups?: Raw[];
	data: (kpi: string, municipality: string, year: number) => Raw | undefined;
};

/** An answer a test forces instead of the normal one (a 429, a 500, a broken body, …). */
export type ForcedAnswer = { status: number; headers?: Record<string, string>; body: string; delayMs?: number };

/** A running fixture server: its base URL (ending in /v3), the paths asked for, and how to stop it. */
export type KoladaFixtureServer = { baseUrl: string; paths: string[]; close(): Promise<void> };

/** Indexes a list of Kolada data items for `KoladaFixtures.data`. */
export function dataFromItems(items: Raw[]): KoladaFixtures["data"] {
	const index = new Map(items.map((i) => [`${i.kpi}/${i.municipality}/${i.period}`, i]));
	return (kpi, municipality, year) => index.get(`${kpi}/${municipality}/${year}`);
}

/**
 * Reads fixtures saved as Kolada's answers (kpi, municipality, data and, if there, kpi_groups and municipality_groups .json) from a
 * folder; `items` are the data items, which a test may change (e.g. to play a revision by Kolada) between syncs.
 */
export function loadKoladaFixtures(dir: string): KoladaFixtures & { items: Raw[] } {
	const values = (name: string): Raw[] => {
		const file = join(dir, `${name}.json`);
		return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { values: Raw[] }).values : [];
	};
	const items = values("data");
	return { kpis: values("kpi"), municipalities: values("municipality"), kpiGroups: values("kpi_groups"), municipalityGroups: values("municipality_groups"), items, data: (k, m, y) => dataFromItems(items)(k, m, y) };
}

const maxPerSegment = 25;
const list = (segment: string | undefined) => (segment ? decodeURIComponent(segment).split(",").filter(Boolean) : []);
const titled = (items: Raw[], title: string | null) => (title ? items.filter((i) => String(i.title).toLowerCase().includes(title.toLowerCase())) : items);
const byIds = (items: Raw[], ids: string[]) => (ids.length ? items.filter((i) => ids.includes(String(i.id))) : items);

function dataItems(f: KoladaFixtures, segments: string[]): Raw[] | string {
	const [, kpiWord, kpis, muniWord, munis, yearWord, years] = segments;
	if (kpiWord !== "kpi" || muniWord !== "municipality" || (yearWord !== undefined && yearWord !== "year")) return "unknown data path";
	const lists = [list(kpis), list(munis), list(years)];
	if (lists.some((l) => l.length > maxPerSegment)) return `at most ${maxPerSegment} items per segment`;
	const yearList = lists[2]!.length ? lists[2]!.map(Number) : Array.from({ length: 30 }, (_, i) => 2000 + i);
	const out: Raw[] = [];
	for (const k of lists[0]!) for (const m of lists[1]!) for (const y of yearList) {
		const item = f.data(k, m, y);
		if (item) out.push(item);
	}
	return out;
}

function listing(f: KoladaFixtures, url: URL): Raw[] | string {
	const segments = url.pathname.replace(/^\/v3\//, "").split("/");
	const title = url.searchParams.get("title");
	switch (segments[0]) {
		case "kpi":
			return titled(byIds(f.kpis, list(segments[1])), title);
		case "municipality":
			return titled(byIds(f.municipalities, list(segments[1])), title);
		case "kpi_groups":
			return titled(f.kpiGroups ?? [], title);
		case "municipality_groups":
			return titled(byIds(f.municipalityGroups ?? [], list(segments[1])), title);
		case "data":
			return dataItems(f, segments);
		default:
			return "unknown path";
	}
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
	res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
	res.end(body);
}

/** Starts the server on a free port of 127.0.0.1; `force` may replace the answer to the n-th request (0-based). */
export async function startKoladaFixtureServer(fixtures: KoladaFixtures, force?: (path: string, n: number) => ForcedAnswer | undefined): Promise<KoladaFixtureServer> {
	const paths: string[] = [];
	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
		const n = paths.push(url.pathname + url.search) - 1;
		const forced = force?.(url.pathname + url.search, n);
		if (forced) {
			setTimeout(() => send(res, forced.status, forced.body, forced.headers), forced.delayMs ?? 0);
			return;
		}
		const items = listing(fixtures, url);
		if (typeof items === "string") return send(res, 400, JSON.stringify({ error: items }));
		const perPage = Math.min(Number(url.searchParams.get("per_page") ?? 5000) || 5000, 5000);
		const page = Math.max(1, Number(url.searchParams.get("page") ?? 1) || 1);
		const values = items.slice((page - 1) * perPage, page * perPage);
		const link = (p: number) => {
			const next = new URL(url);
			next.searchParams.set("page", String(p));
			next.searchParams.set("per_page", String(perPage));
			return next.href;
		};
		const body = { count: values.length, values, next_url: page * perPage < items.length ? link(page + 1) : null, previous_url: page > 1 ? link(page - 1) : null };
		send(res, 200, JSON.stringify(body));
	});
	server.keepAliveTimeout = 1000;
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}/v3`,
		paths,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((err) => (err ? reject(err) : resolve()));
			}),
	};
}
