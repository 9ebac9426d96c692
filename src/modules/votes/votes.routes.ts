import type { FastifyInstance, FastifyRequest } from "fastify";
import { publicBaseUrl } from "../../lib/public-url.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { tooManyRequests } from "../../plugins/http-errors.js";
import { formatNumber } from "../../i18n/i18n.js";
import { barChart } from "../../ui/charts.js";
import { formState } from "../../ui/forms.js";
import { eidStartUrl, forgetIdentity, verifiedIdentity } from "../eid/index.js";
import { VoteRefusal } from "./votes.cast.js";
import { setVoteKey } from "./votes.crypto.js";
import { addressedCsv, codesCsv, resultsCsv, resultsJson } from "./votes.export.js";
import * as service from "./votes.service.js";
import { BallotPage, type BallotPageState, LettersPage, newVoteDefaults, ReceiptPage, ResultsPage, resultsChartRows, VoteAdminPage, VotesAdminPage } from "./votes.views.js";

type VoteParams = { Params: { voteId: string } };

/** Guessing letter codes: a person may mistype a few times, a script may not try thousands. */
const codeAttempts = { max: 20, windowSeconds: 600 };

/** The voting, receipt and results pages, and the coordinator's administration of votes. */
export async function votesRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
	const { db, config } = opts;
	setVoteKey(config.voteRollKey);

	const ballotPage = async (req: FastifyRequest<VoteParams>, state: Partial<BallotPageState>) => {
		const data = await service.ballotPage(db, req.params.voteId);
		// e-ID is offered only where the installation has an identity broker configured.
		if (!config.eid) data.channels = data.channels.filter((c) => c !== "eid");
		const full: BallotPageState = {
			chosen: [],
			code: "",
			refusal: null,
			verified: verifiedIdentity(req, config) !== null,
			signedIn: req.viewer !== null,
			eidUrl: eidStartUrl(`/omrostning/${data.vote.id}`),
			...state,
		};
		return { title: data.vote.title, body: (ctx: Parameters<typeof BallotPage>[0]["ctx"]) => BallotPage({ ctx, ...data, state: full }) };
	};

	app.get<VoteParams>("/omrostning/:voteId", async (req, reply) => {
		const page = await ballotPage(req, {});
		return reply.page(page.title, page.body);
	});

	app.post<VoteParams>("/omrostning/:voteId", { config: { keepsReadCache: true } }, async (req, reply) => {
		const body = (req.body ?? {}) as Record<string, unknown>;
		if (body.channel === "code" && !(await app.rateLimiter.hit(`vote-code:${req.ip}`, codeAttempts.max, codeAttempts.windowSeconds))) throw tooManyRequests();
		try {
			const { receipt } = await service.submitBallot(db, req.params.voteId, body, { pin: verifiedIdentity(req, config)?.pin ?? null, userId: req.viewer?.id ?? null });
			if (body.channel === "eid") forgetIdentity(reply);
			return reply.seeOther(`/omrostning/${req.params.voteId}/kvitto?kvitto=${encodeURIComponent(receipt)}&ny=1`);
		} catch (err) {
			if (!(err instanceof VoteRefusal)) throw err;
			const { choices, blank } = service.ballotFromForm(body);
			const page = await ballotPage(req, { chosen: blank ? [...choices, "blank"] : choices, code: String(body.code ?? ""), refusal: err.messageKey });
			return reply.page(page.title, page.body, 422);
		}
	});

	app.get<VoteParams & { Querystring: { kvitto?: string; ny?: string } }>("/omrostning/:voteId/kvitto", async (req, reply) => {
		const { vote } = await service.ballotPage(db, req.params.voteId);
		const receipt = String(req.query.kvitto ?? "").trim().slice(0, 40);
		const counted = receipt ? await service.checkReceipt(db, vote.id, receipt) : null;
		return reply.page(req.t("vote.receipt.title"), (ctx) => ReceiptPage({ ctx, vote, receipt, counted, fresh: req.query.ny === "1" && counted === true }));
	});

	app.get<VoteParams>("/omrostning/:voteId/resultat", async (req, reply) => {
		const results = await service.results(db, req.params.voteId);
		const chart = results.visible
			? await barChart({ label: req.t("vote.results.chartTitle", { title: results.vote.title }), rows: resultsChartRows(req.t, results), format: (n) => formatNumber(req.lang, n) })
			: null;
		return reply.page(req.t("vote.results.title"), (ctx) => ResultsPage({ ctx, results, chart }));
	});

	app.get<VoteParams>("/omrostning/:voteId/resultat.csv", async (req, reply) => {
		const results = await service.results(db, req.params.voteId);
		return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="resultat-${results.vote.id}.csv"`).send(resultsCsv(results));
	});

	app.get<VoteParams>("/omrostning/:voteId/resultat.json", async (req) => resultsJson(await service.results(db, req.params.voteId)));

	app.get("/admin/votes", async (req, reply) => {
		const data = await service.votesForAdmin(db, req.viewer);
		return reply.page(req.t("vote.admin.title"), (ctx) => VotesAdminPage({ ctx, votes: data.votes, proposalCount: data.proposals.length, form: formState(newVoteDefaults(config.eid !== null)), eidAvailable: config.eid !== null }));
	});

	app.post("/admin/votes", async (req, reply) => {
		const result = await service.createVote(db, req.viewer, req.body, { eidAvailable: config.eid !== null });
		if (result.ok) return reply.seeOther(`/admin/votes/${result.id}`, "flash.created");
		const data = await service.votesForAdmin(db, req.viewer);
		return reply.page(req.t("vote.admin.title"), (ctx) => VotesAdminPage({ ctx, votes: data.votes, proposalCount: data.proposals.length, form: result.state, eidAvailable: config.eid !== null }), 422);
	});

	const adminPage = async (req: FastifyRequest<VoteParams>, forms: { roll?: ReturnType<typeof formState>; paper?: ReturnType<typeof formState>; codes?: ReturnType<typeof formState>; addressed?: ReturnType<typeof formState>; rejected?: service.RejectedRow[] } = {}) => {
		const data = await service.voteForAdmin(db, req.viewer, req.params.voteId);
		return { title: data.vote.title, body: (ctx: Parameters<typeof VoteAdminPage>[0]["ctx"]) => VoteAdminPage({ ctx, data, roll: forms.roll ?? formState(), paper: forms.paper ?? formState(), codes: forms.codes ?? formState(), addressed: forms.addressed ?? formState(), rejected: forms.rejected ?? [] }) };
	};

	app.get<VoteParams>("/admin/votes/:voteId", async (req, reply) => {
		const page = await adminPage(req);
		return reply.page(page.title, page.body);
	});

	app.post<VoteParams>("/admin/votes/:voteId/open", async (req, reply) => {
		await service.openVote(db, req.viewer, req.params.voteId);
		return reply.seeOther(`/admin/votes/${req.params.voteId}`, "flash.saved");
	});

	app.post<VoteParams>("/admin/votes/:voteId/roll", async (req, reply) => {
		const result = await service.importRoll(db, req.viewer, req.params.voteId, req.body);
		if (result.ok) return reply.seeOther(`/admin/votes/${req.params.voteId}`, "flash.saved");
		const page = await adminPage(req, { roll: result.state, rejected: result.rejected });
		return reply.page(page.title, page.body, 422);
	});

	app.post<VoteParams>("/admin/votes/:voteId/codes", async (req, reply) => {
		const result = await service.issueCodes(db, req.viewer, req.params.voteId, req.body);
		if (result.ok) return reply.seeOther(`/admin/votes/${req.params.voteId}`, "flash.created");
		const page = await adminPage(req, { codes: result.state });
		return reply.page(page.title, page.body, 422);
	});

	app.post<VoteParams>("/admin/votes/:voteId/paper", async (req, reply) => {
		const result = await service.enterPaperBatch(db, req.viewer, req.params.voteId, req.body);
		if (result.ok) return reply.seeOther(`/admin/votes/${req.params.voteId}`, "flash.saved");
		const page = await adminPage(req, { paper: result.state, rejected: result.rejected });
		return reply.page(page.title, page.body, 422);
	});

	app.post<VoteParams>("/admin/votes/:voteId/publish", async (req, reply) => {
		await service.publishResults(db, req.viewer, req.params.voteId);
		return reply.seeOther(`/omrostning/${req.params.voteId}/resultat`, "flash.saved");
	});

	app.get<VoteParams>("/admin/votes/:voteId/codes.csv", async (req, reply) => {
		const { vote, codes } = await service.codesForPrint(db, req.viewer, req.params.voteId);
		return reply.type("text/csv; charset=utf-8").header("cache-control", "no-store").header("content-disposition", `attachment; filename="koder-${vote.id}.csv"`).send(codesCsv(codes, voteUrl(req, vote.id)));
	});

	app.post<VoteParams>("/admin/votes/:voteId/codes/addressed", async (req, reply) => {
		const result = await service.addressedLetters(db, req.viewer, req.params.voteId, req.body);
		if (!result.ok) {
			const page = await adminPage(req, { addressed: result.state, rejected: result.rejected });
			return reply.page(page.title, page.body, 422);
		}
		// Names and addresses: the answer must not stay in a cache on the way.
		reply.header("cache-control", "no-store");
		if ((req.body as Record<string, unknown>).format === "letters") {
			const { vote, letters } = result;
			return reply.page(req.t("vote.letters.title", { count: letters.length }), (ctx) => LettersPage({ ctx, vote, codes: letters, url: voteUrl(req, vote.id) }));
		}
		return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="brev-${req.params.voteId}.csv"`).send(addressedCsv(result.letters));
	});

	app.get<VoteParams>("/admin/votes/:voteId/letters", async (req, reply) => {
		const { vote, codes } = await service.codesForPrint(db, req.viewer, req.params.voteId);
		return reply.page(req.t("vote.letters.title", { count: codes.length }), (ctx) => LettersPage({ ctx, vote, codes, url: voteUrl(req, vote.id) }));
	});

	function voteUrl(req: FastifyRequest, id: string): string {
		return `${publicBaseUrl(config)}/omrostning/${id}`;
	}
}
