import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { publicBaseUrl } from "../../lib/public-url.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { HttpError, tooManyRequests } from "../../plugins/http-errors.js";
import { tryAgainFrom } from "../../plugins/rate-limit.js";
import { uploadOptions } from "../../plugins/uploads.js";
import { formatNumber } from "../../i18n/i18n.js";
import { barChart } from "../../ui/charts.js";
import { formState } from "../../ui/forms.js";
import { eidStartUrl, forgetIdentity, verifiedIdentity } from "../eid/index.js";
import { VoteRefusal } from "./votes.cast.js";
import { setVoteKey } from "./votes.crypto.js";
import { addressedTable, codesTable, resultsJson, resultsTable } from "./votes.export.js";
import { sendTables } from "../../lib/spreadsheet.js";
import { codeFromShortAddress, qrSvg, shortAddress } from "./votes.letters.js";
import type { Vote } from "./votes.repo.js";
import * as service from "./votes.service.js";
import { stepAllowed } from "./votes.stage.js";
import { BallotPage, type BallotPageState, type Done, LettersPage, newVoteDefaults, ReceiptPage, ResultsPage, resultsChartRows, VoteAdminPage, VotesAdminPage, VoteStepPage } from "./votes.views.js";

type VoteParams = { Params: { voteId: string } };

/** Guessing letter codes: a person may mistype a few times, a script may not try thousands. */
const codeAttempts = { max: 20, windowSeconds: 600 };

/** The voting, receipt and results pages, and the coordinator's administration of votes. */
export async function votesRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
	const { db, config } = opts;
	setVoteKey(config.voteRollKey);

	const codeLimit = (req: FastifyRequest) => app.rateLimiter.refusedUntil(`vote-code:${req.ip}`, codeAttempts.max, codeAttempts.windowSeconds);

	const ballotPage = async (req: FastifyRequest, voteId: string, state: Partial<BallotPageState>) => {
		const data = await service.ballotPage(db, voteId);
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
		const page = await ballotPage(req, req.params.voteId, {});
		return reply.page(page.title, page.body);
	});

	app.post<VoteParams>("/omrostning/:voteId", { config: { keepsReadCache: true } }, async (req, reply) => {
		const body = (req.body ?? {}) as Record<string, unknown>;
		const again = async (refusal: string, status: number) => {
			const { choices, blank } = service.ballotFromForm(body);
			const page = await ballotPage(req, req.params.voteId, { chosen: blank ? [...choices, "blank"] : choices, code: String(body.code ?? ""), refusal });
			return reply.page(page.title, page.body, status);
		};
		const until = body.channel === "code" ? await codeLimit(req) : null;
		if (until) return again(tryAgainFrom("vote.code.tooMany", req.lang, until), 429);
		try {
			const { receipt } = await service.submitBallot(db, req.params.voteId, body, { pin: verifiedIdentity(req, config)?.pin ?? null, userId: req.viewer?.id ?? null });
			if (body.channel === "eid") forgetIdentity(reply);
			return reply.seeOther(`/omrostning/${req.params.voteId}/kvitto?kvitto=${encodeURIComponent(receipt)}&ny=1`);
		} catch (err) {
			if (!(err instanceof VoteRefusal)) throw err;
			return again(err.messageKey, 422);
		}
	});

	// A letter's short address: the ballot with the letter's code filled in. Finding the vote tells whether a code
	// exists, so it counts against the same limit as typing codes.
	app.get<{ Params: { code: string } }>("/r/:code", async (req, reply) => {
		const until = await codeLimit(req);
		if (until) throw tooManyRequests(tryAgainFrom("vote.short.tooMany", req.lang, until));
		const code = codeFromShortAddress(req.params.code);
		const vote = code ? await service.voteForLetterCode(db, code) : null;
		if (!vote) throw new HttpError(404, "vote.short.unknown", "vote.short.unknownTitle");
		const page = await ballotPage(req, vote.id, { code: req.params.code.toUpperCase() });
		return reply.page(page.title, page.body);
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

	// The results for Swedish Excel (.csv with semicolons, and .xlsx); the JSON serves programs.
	for (const [ending, format] of [
		["csv", "csv-excel"],
		["xlsx", "xlsx"],
	] as const) {
		app.get<VoteParams>(`/omrostning/:voteId/resultat.${ending}`, async (req, reply) => {
			const results = await service.results(db, req.params.voteId);
			return sendTables(reply, `resultat-${results.vote.id}`, [resultsTable(results, req.t("vote.results.title"))], format);
		});
	}

	app.get<VoteParams>("/omrostning/:voteId/resultat.json", async (req) => resultsJson(await service.results(db, req.params.voteId)));

	app.get("/admin/votes", async (req, reply) => {
		const data = await service.votesForAdmin(db, req.viewer);
		return reply.page(req.t("vote.admin.title"), (ctx) => VotesAdminPage({ ctx, votes: data.votes, proposalCount: data.proposals.length, form: formState(newVoteDefaults(config.eid !== null)), eidAvailable: config.eid !== null }));
	});

	app.post("/admin/votes", async (req, reply) => {
		const result = await service.createVote(db, req.viewer, req.body, { eidAvailable: config.eid !== null });
		if (result.ok) return reply.seeOther(`/admin/votes/${result.id}`, "flash.voteCreated");
		const data = await service.votesForAdmin(db, req.viewer);
		return reply.page(req.t("vote.admin.title"), (ctx) => VotesAdminPage({ ctx, votes: data.votes, proposalCount: data.proposals.length, form: result.state, eidAvailable: config.eid !== null }), 422);
	});

	const adminPage = async (req: FastifyRequest<VoteParams>, forms: { roll?: ReturnType<typeof formState>; paper?: ReturnType<typeof formState>; codes?: ReturnType<typeof formState>; addressed?: ReturnType<typeof formState>; rejected?: service.RejectedRow[]; done?: Done } = {}) => {
		const data = await service.voteForAdmin(db, req.viewer, req.params.voteId);
		return {
			title: data.vote.title,
			body: (ctx: Parameters<typeof VoteAdminPage>[0]["ctx"]) =>
				VoteAdminPage({ ctx, data, roll: forms.roll ?? formState(), paper: forms.paper ?? formState(), codes: forms.codes ?? formState(), addressed: forms.addressed ?? formState(), rejected: forms.rejected ?? [], done: forms.done ?? {} }),
		};
	};

	// After a step the page says how many it took in: ?koder= codes issued, ?rostlangd= people added, ?papper= ballots entered.
	const count = (value: string | undefined) => (/^\d{1,7}$/.test(value ?? "") ? Number(value) : null);
	app.get<VoteParams & { Querystring: { koder?: string; rostlangd?: string; papper?: string } }>("/admin/votes/:voteId", async (req, reply) => {
		const page = await adminPage(req, { done: { issued: count(req.query.koder), added: count(req.query.rostlangd), entered: count(req.query.papper) } });
		return reply.page(page.title, page.body);
	});

	// Each step that changes the vote's stage is asked for on a page of its own, which says what will happen.
	for (const step of ["open", "close", "publish", "delete"] as const) {
		app.get<VoteParams>(`/admin/votes/:voteId/${step}`, async (req, reply) => {
			const { vote } = await service.voteForAdmin(db, req.viewer, req.params.voteId);
			if (!stepAllowed(vote, step)) return reply.seeOther(`/admin/votes/${vote.id}`);
			return reply.page(req.t(`vote.step.${step}.title`), (ctx) => VoteStepPage({ ctx, vote, step }));
		});
	}

	app.post<VoteParams>("/admin/votes/:voteId/open", async (req, reply) => {
		await service.openVote(db, req.viewer, req.params.voteId);
		return reply.seeOther(`/admin/votes/${req.params.voteId}`, "flash.voteOpened");
	});

	app.post<VoteParams>("/admin/votes/:voteId/close", async (req, reply) => {
		await service.closeEarly(db, req.viewer, req.params.voteId);
		return reply.seeOther(`/admin/votes/${req.params.voteId}`, "flash.voteClosed");
	});

	app.post<VoteParams>("/admin/votes/:voteId/delete", async (req, reply) => {
		await service.deleteVote(db, req.viewer, req.params.voteId);
		return reply.seeOther("/admin/votes", "flash.voteDeleted");
	});

	app.post<VoteParams>("/admin/votes/:voteId/codes", async (req, reply) => {
		const result = await service.issueCodes(db, req.viewer, req.params.voteId, req.body);
		// The page says how many codes this batch made (none when everyone on the roll already has one).
		if (result.ok) return reply.seeOther(`/admin/votes/${req.params.voteId}?koder=${result.issued}`);
		const page = await adminPage(req, { codes: result.state });
		return reply.page(page.title, page.body, 422);
	});

	// The forms that take the roll or a paper batch as pasted text or as a file (CSV or .xlsx): only they parse multipart.
	await app.register(async (uploads) => {
		await uploads.register(multipart, uploadOptions(service.maxRollFileBytes));
		uploads.post<VoteParams>("/admin/votes/:voteId/roll", async (req, reply) => {
			const result = await service.importRoll(db, req.viewer, req.params.voteId, req.body);
			if (result.ok) return reply.seeOther(`/admin/votes/${req.params.voteId}?rostlangd=${result.added}`);
			const page = await adminPage(req, { roll: result.state, rejected: result.rejected });
			return reply.page(page.title, page.body, 422);
		});

		uploads.post<VoteParams>("/admin/votes/:voteId/paper", async (req, reply) => {
			const result = await service.enterPaperBatch(db, req.viewer, req.params.voteId, req.body);
			if (result.ok) return reply.seeOther(`/admin/votes/${req.params.voteId}?papper=${result.entered}`);
			const page = await adminPage(req, { paper: result.state, rejected: result.rejected });
			return reply.page(page.title, page.body, 422);
		});

		uploads.post<VoteParams>("/admin/votes/:voteId/codes/addressed", async (req, reply) => {
			const result = await service.addressedLetters(db, req.viewer, req.params.voteId, req.body);
			if (!result.ok) {
				const page = await adminPage(req, { addressed: result.state, rejected: result.rejected });
				return reply.page(page.title, page.body, 422);
			}
			// Names and addresses: the answer must not stay in a cache on the way.
			reply.header("cache-control", "no-store");
			if ((req.body as Record<string, unknown>).format === "letters") {
				return lettersPage(reply, result.vote, result.letters, result.sender);
			}
			const format = (req.body as Record<string, unknown>).format === "xlsx" ? "xlsx" : "csv-excel";
			return sendTables(reply, `brev-${req.params.voteId}`, [addressedTable(result.letters, result.columns, publicBaseUrl(config))], format);
		});
	});

	app.post<VoteParams>("/admin/votes/:voteId/publish", async (req, reply) => {
		await service.publishResults(db, req.viewer, req.params.voteId);
		return reply.seeOther(`/omrostning/${req.params.voteId}/resultat`, "flash.votePublished");
	});

	for (const [ending, format] of [
		["csv", "csv-excel"],
		["xlsx", "xlsx"],
	] as const) {
		app.get<VoteParams>(`/admin/votes/:voteId/codes.${ending}`, async (req, reply) => {
			const { vote, codes } = await service.codesForPrint(db, req.viewer, req.params.voteId);
			return sendTables(reply, `koder-${vote.id}`, [codesTable(codes, publicBaseUrl(config))], format);
		});
	}


	app.get<VoteParams>("/admin/votes/:voteId/letters", async (req, reply) => {
		const { vote, codes, sender } = await service.codesForPrint(db, req.viewer, req.params.voteId);
		return lettersPage(reply, vote, codes, sender);
	});

	/** Printable letters, each with its short address and that address as a QR code. */
	async function lettersPage(reply: FastifyReply, vote: Vote, codes: { code: string; address?: string[] }[], sender: string) {
		const base = publicBaseUrl(config);
		const letters = await Promise.all(codes.map(async (c) => ({ ...c, short: shortAddress(base, c.code), qr: await qrSvg(shortAddress(base, c.code)) })));
		return reply.page(reply.request.t("vote.letters.title", { count: letters.length }), (ctx) => LettersPage({ ctx, vote, letters, sender }));
	}
}
