// Survey benchmarks on PostgreSQL: anonymous answers submitted per second over HTTP beside pgbench's simple-insert
// rate (-N) on the same server in the same run, and the time to render the results page of a survey with 100 000 answers
// (counted afresh, and reloaded within the few seconds its counts are kept).
// Ends with one `bench surveys <figure> <value> <unit>` line per headline figure.
import { pgbenchTps } from "./pgbench.js";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { buildApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { createServerDatabase, type Db, dropServerDatabase, openDatabase } from "../src/db/client.js";
import * as s from "../src/schema.js";
import { seedBenchDemo } from "./demo.js";
import { startSession } from "../src/modules/accounts/index.js";
import { createSurvey } from "../test/factories.js";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const connections = 32;
/** The app's PostgreSQL pool, and pgbench's clients: the same number of database connections on both sides. */
const dbConnections = 16;
const seconds = 5;
const resultsAnswers = 100_000;
const figures: string[] = [];

function report(figure: string, value: number, unit: string) {
	figures.push(`bench surveys ${figure} ${value} ${unit}`);
	console.log(`  ${figure}: ${value} ${unit}`);
}

/** A survey like the Norsjö one: a rating, a multiple choice, a locality and a free text. */
async function benchSurvey(db: Db) {
	const [programme] = await db.select({ id: s.programmes.id }).from(s.programmes).limit(1);
	return createSurvey(db, programme!.id, {
		title: "Bänk",
		questions: [
			{ kind: "rating", text: "Hur trivs du?", required: true },
			{ kind: "multiple", text: "Vad är viktigast?", options: ["Skola", "Vård", "Jobb", "Natur", "Trygghet", "Fritid"], maxChoices: 3 },
			{ kind: "single", text: "Var bor du?", background: "locality", options: ["Norsjö", "Bastuträsk", "Kusfors"] },
			{ kind: "long_text", text: "Vad vill du förändra?" },
		],
	});
}

async function main() {
	const name = `medskapa_bench_surveys_${process.pid}`;
	const database = await openDatabase(await createServerDatabase(serverUrl, name), { poolSize: dbConnections });
	try {
		const config = { ...loadConfig({}), logLevel: "silent" as const, surveyAnswersPerIp: 1_000_000 };
		await seedBenchDemo(database, config);
		const { db } = database;
		const app = await buildApp(config, database);
		await app.listen({ port: 0, host: "127.0.0.1" });
		const { port } = app.server.address() as { port: number };
		const base = `http://127.0.0.1:${port}`;
		try {
			console.log(`PostgreSQL (${new URL(serverUrl).host}): answers over HTTP, ${connections} connections`);
			const { survey, questions } = await benchSurvey(db);
			const [rating, important, locality, text] = questions;
			// A browser's first visit: the form and its CSRF cookie.
			const page = await fetch(`${base}/enkater/${survey.id}`);
			const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0]!;
			const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
			const form = new URLSearchParams({
				_csrf: token,
				[`q_${rating!.id}`]: "4",
				[`q_${locality!.id}`]: locality!.options[0]!.id,
				[`q_${text!.id}`]: "Fler bussturer till Skellefteå och bättre mobiltäckning i byarna.",
			});
			form.append(`q_${important!.id}`, important!.options[0]!.id);
			form.append(`q_${important!.id}`, important!.options[4]!.id);
			const request = { url: `${base}/enkater/${survey.id}`, method: "POST" as const, connections, headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: form.toString() };
			await autocannon({ ...request, duration: 1 });
			const result = await autocannon({ ...request, duration: seconds });
			const redirects = (result as unknown as Record<string, number>)["3xx"] ?? 0;
			if (redirects !== result.requests.total || result.errors) throw new Error(`answers: ${result.requests.total - redirects} answers were not stored, ${result.errors} errors`);
			const answersPerSecond = Math.round(redirects / seconds);
			const tps = Math.round(pgbenchTps(serverUrl, dbConnections, seconds));
			report("answers_per_s_postgres", answersPerSecond, "answers/s");
			report("pgbench_tps", tps, "tx/s");
			report("ratio_vs_pgbench", Number((answersPerSecond / tps).toFixed(2)), "x");

			console.log(`Results page of a survey with ${resultsAnswers} answers`);
			const big = await benchSurvey(db);
			const [bRating, bImportant, bLocality, bText] = big.questions;
			const opts = (q: typeof bImportant) => sql.raw(`array[${q!.options.map((o) => `'${o.id}'::uuid`).join(",")}]`);
			await db.execute(sql`insert into survey_responses (id, survey_id, channel, submitted_on, locality)
				select gen_random_uuid(), ${big.survey.id}, case when i % 3 = 0 then 'paper' else 'web' end, date '2018-09-03' + (i % 75), 'Norsjö'
				from generate_series(1, ${resultsAnswers}) i`);
			await db.execute(sql`insert into survey_answers (response_id, question_id, number)
				select id, ${bRating!.id}, 1 + (hashtext(id::text) & 3) from survey_responses where survey_id = ${big.survey.id}`);
			await db.execute(sql`insert into survey_answers (response_id, question_id, option_id)
				select id, ${bImportant!.id}, (${opts(bImportant)})[1 + (hashtext(id::text) & 3)] from survey_responses where survey_id = ${big.survey.id}`);
			await db.execute(sql`insert into survey_answers (response_id, question_id, option_id)
				select id, ${bLocality!.id}, (${opts(bLocality)})[1 + (abs(hashtext(id::text)) % 3)] from survey_responses where survey_id = ${big.survey.id}`);
			await db.execute(sql`insert into survey_answers (response_id, question_id, text)
				select id, ${bText!.id}, 'Bättre vägar och fler jobb i bygden' from survey_responses where survey_id = ${big.survey.id}`);
			await db.execute(sql`analyze`);
			const [coordinator] = await db.select().from(s.users).where(sql`${s.users.email} = 'samordnare@norsjo.example'`);
			const { token: session } = await startSession(db, coordinator!.id);
			const fetchResults = async () => {
				const started = performance.now();
				const res = await fetch(`${base}/admin/enkater/${big.survey.id}/resultat`, { headers: { cookie: `medskapa_session=${session}` } });
				const body = await res.text();
				if (res.status !== 200 || !/100\s000 svar/u.test(body)) throw new Error(`results page: ${res.status}`);
				return performance.now() - started;
			};
			// The page keeps a survey's counts for the read cache's time to live: the headline figure counts afresh each
			// time (the cache has expired before every fetch); the cached figure is a reload within that time.
			const counted: number[] = [];
			const cached: number[] = [];
			for (let i = 0; i < 5; i++) {
				await new Promise((resolve) => setTimeout(resolve, config.readCacheMs + 100));
				counted.push(await fetchResults());
				cached.push(await fetchResults());
			}
			const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
			report("results_page_100k_ms", Math.round(median(counted)), "ms");
			report("results_page_100k_cached_ms", Math.round(median(cached)), "ms");
		} finally {
			await app.close();
		}
	} finally {
		await database.close();
		await dropServerDatabase(serverUrl, name);
	}
	console.log(figures.join("\n"));
}

await main();
