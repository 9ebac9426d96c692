// Goals benchmark: the public page of a focus area with 2 000 goals from 300 organisations, on PostgreSQL,
// rendered with the read cache off (every request reads and renders), beside a fixed-string route on the same app.
// Ends with one `bench goals <figure> <value> <unit>` line per headline figure.
import { buildApp } from "../src/app.js";
import { sessionCookie, startSession } from "../src/modules/accounts/index.js";
import { loadConfig } from "../src/config.js";
import { createServerDatabase, type Db, dropServerDatabase, openDatabase } from "../src/db/client.js";
import * as s from "../src/schema.js";
import { goalStatuses } from "../src/schema.js";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const organisationCount = 300;
const goalCount = 2000;
const requests = 200;

/** One programme, one focus area, 300 actors working in it and 2 000 goals among them (some sub-goals). */
async function seed(db: Db): Promise<{ areaId: string; organisationId: string }> {
	const [kommun] = await db.insert(s.organisations).values({ name: "Benchkommun", type: "municipality" }).returning();
	const [programme] = await db
		.insert(s.programmes)
		.values({
			name: "Benchprogrammet",
			community: "Benchbygden",
			municipalityCode: "2417",
			population: 4094,
			populationDate: "2018-12-31",
			populationSource: "SCB",
			horizonYear: 2030,
			coordinatorId: kommun!.id,
		})
		.returning();
	const [area] = await db.insert(s.focusAreas).values({ programmeId: programme!.id, position: 1, name: "En rik och attraktiv fritid" }).returning();
	const organisations = await db
		.insert(s.organisations)
		.values(Array.from({ length: organisationCount }, (_, i) => ({ name: `Förening ${i + 1}`, type: "association" as const })))
		.returning({ id: s.organisations.id });
	await db.insert(s.focusAreaActors).values(organisations.map((o) => ({ focusAreaId: area!.id, organisationId: o.id })));
	const rows = Array.from({ length: goalCount }, (_, i) => ({
		programmeId: programme!.id,
		organisationId: organisations[i % organisationCount]!.id,
		focusAreaId: area!.id,
		title: `Mål ${i + 1}: fler barn och unga i föreningslivet i byarna`,
		description: "Vi erbjuder prova-på-tillfällen och samåkning till träningar.",
		periodStart: "2019-01-01",
		periodEnd: "2022-12-31",
		status: goalStatuses[i % goalStatuses.length]!,
		statusChangedOn: "2020-06-30",
	}));
	for (let i = 0; i < rows.length; i += 500) {
		const goals = await db.insert(s.goals).values(rows.slice(i, i + 500)).returning({ id: s.goals.id });
		await db.insert(s.goalFocusAreas).values(goals.map((g) => ({ goalId: g.id, focusAreaId: area!.id })));
		await db.insert(s.goalVersions).values(goals.map((g) => ({ goalId: g.id, version: 1, snapshot: {} })));
	}
	return { areaId: area!.id, organisationId: organisations[0]!.id };
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

const name = `medskapa_bench_goals_${process.pid}`;
const database = await openDatabase(await createServerDatabase(serverUrl, name));
try {
	await database.migrate();
	const { areaId, organisationId } = await seed(database.db);
	// A member of one of the actors also sees the other actors' goals most like its own, ranked by Swedish full text.
	const [member] = await database.db.insert(s.users).values({ email: "medlem@bench.example" }).returning();
	await database.db.insert(s.memberships).values({ userId: member!.id, organisationId, role: "member" });
	const { token } = await startSession(database.db, member!.id);
	const app = await buildApp({ ...loadConfig({}), logLevel: "silent", readCacheMs: 0 }, database);
	app.get("/__bench/fixed", async () => "fixed");
	const time = async (url: string, cookies: Record<string, string> = {}) => {
		const times: number[] = [];
		for (let i = 0; i < requests; i++) {
			const started = performance.now();
			const res = await app.inject({ method: "GET", url, cookies });
			times.push(performance.now() - started);
			if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
		}
		return times;
	};
	await time(`/fokusomraden/${areaId}`); // warm up
	const page = await time(`/fokusomraden/${areaId}`);
	const memberPage = await time(`/fokusomraden/${areaId}`, { [sessionCookie]: token });
	const fixed = await time("/__bench/fixed");
	const body = (await app.inject({ method: "GET", url: `/fokusomraden/${areaId}` })).body;
	const goalLinks = new Set(body.match(/\/mal\/[0-9a-f-]{36}/g)).size;
	console.log(`focus area page: ${(body.length / 1024).toFixed(0)} kB, links to ${goalLinks} goals`);
	if (goalLinks < goalCount) throw new Error(`the focus area page links to ${goalLinks} of ${goalCount} goals`);
	const lines = [
		`bench goals focus_area_page_median_ms ${median(page).toFixed(1)} ms`,
		`bench goals focus_area_page_p95_ms ${[...page].sort((a, b) => a - b)[Math.floor(page.length * 0.95)]!.toFixed(1)} ms`,
		`bench goals focus_area_page_member_median_ms ${median(memberPage).toFixed(1)} ms`,
		`bench goals fixed_route_median_ms ${median(fixed).toFixed(2)} ms`,
		`bench goals goals_on_page ${goalCount} goals`,
	];
	await app.close();
	console.log(lines.join("\n"));
} finally {
	await database.close();
	await dropServerDatabase(serverUrl, name);
}
