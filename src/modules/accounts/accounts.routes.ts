import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "../../config.js";
import type { Db } from "../../db/client.js";
import { localPath } from "../../lib/local-path.js";
import { type FormState, formState } from "../../ui/forms.js";
import * as service from "./accounts.service.js";
import { AccountPage, CodeGonePage, CodePage, SignInPage, UsersPage } from "./accounts.views.js";
import { endSession } from "./sessions.js";

/** Name of the session cookie. */
export const sessionCookie = "medskapa_session";

type NextQuery = { Querystring: { next?: string } };
type CodeRoute = NextQuery & { Params: { id: string } };

/** Sign-in by e-mailed code, sign-out, the person's own account, and the administrator's list of people. */
export async function accountsRoutes(app: FastifyInstance, opts: { db: Db; config: Config }) {
	const { db } = opts;
	const deps = { db, config: opts.config, limiter: app.rateLimiter };

	const signInPage = (req: FastifyRequest<NextQuery>, reply: FastifyReply, form: FormState, status = 200) =>
		reply.page(req.t("accounts.signIn.title"), (ctx) => SignInPage({ ctx, form, next: localPath(req.query.next) }), status);

	app.get<NextQuery>("/sign-in", async (req, reply) => signInPage(req, reply, formState()));

	app.post<NextQuery>("/sign-in", async (req, reply) => {
		const result = await service.requestCode(deps, { body: req.body, ip: req.ip, t: req.t, lang: req.lang });
		if (!result.ok) return signInPage(req, reply, result.state, result.status);
		const next = localPath(req.query.next);
		return reply.seeOther(`/sign-in/code/${result.codeId}${next === "/" ? "" : `?next=${encodeURIComponent(next)}`}`);
	});

	const codePage = (req: FastifyRequest<CodeRoute>, reply: FastifyReply, form: FormState, status = 200) =>
		reply.page(req.t("accounts.code.title"), (ctx) => CodePage({ ctx, form, codeId: req.params.id, next: localPath(req.query.next) }), status);
	const gonePage = (req: FastifyRequest<CodeRoute>, reply: FastifyReply, reason: service.CodeGone) =>
		reply.page(req.t("accounts.code.goneTitle"), (ctx) => CodeGonePage({ ctx, reason, next: localPath(req.query.next) }), 410);

	app.get<CodeRoute>("/sign-in/code/:id", async (req, reply) => {
		const gone = await service.codeStatus(db, req.params.id);
		return gone ? gonePage(req, reply, gone) : codePage(req, reply, formState());
	});

	app.post<CodeRoute>("/sign-in/code/:id", async (req, reply) => {
		const result = await service.verifyCode(deps, {
			codeId: req.params.id,
			body: req.body,
			ip: req.ip,
			lang: req.lang,
			previousToken: req.cookies[sessionCookie],
		});
		if (result.kind === "gone") return gonePage(req, reply, result.reason);
		if (result.kind === "form") return codePage(req, reply, result.state, result.status);
		reply.setCookie(sessionCookie, result.token, { expires: result.expiresAt });
		return reply.seeOther(localPath(req.query.next), "flash.signedIn");
	});

	app.post("/sign-out", async (req, reply) => {
		const token = req.cookies[sessionCookie];
		if (token) await endSession(db, token);
		reply.clearCookie(sessionCookie, { path: "/" });
		return reply.seeOther("/");
	});

	const accountPage = async (req: FastifyRequest, reply: FastifyReply, forms: { name?: FormState; del?: FormState }, status = 200) => {
		const data = await service.accountPage(db, req.viewer);
		const nameForm = forms.name ?? formState({ name: data.user.name });
		const deleteForm = forms.del ?? formState();
		return reply.page(req.t("accounts.account.title"), (ctx) => AccountPage({ ctx, data, nameForm, deleteForm }), status);
	};

	app.get("/account", async (req, reply) => accountPage(req, reply, {}));

	app.post("/account", async (req, reply) => {
		const result = await service.updateName(db, req.viewer, req.body);
		if (!result.ok) return accountPage(req, reply, { name: result.state }, 422);
		return reply.seeOther("/account", "flash.nameSaved");
	});

	app.get("/account/data", async (req, reply) => {
		const data = await service.exportData(db, req.viewer);
		return reply
			.header("content-disposition", 'attachment; filename="medskapa-my-data.json"')
			.header("cache-control", "no-store")
			.type("application/json; charset=utf-8")
			.send(JSON.stringify(data, null, 2));
	});

	app.post("/account/delete", async (req, reply) => {
		const result = await service.deleteAccount(db, req.viewer, req.body);
		if (!result.ok) return accountPage(req, reply, { del: result.state }, 422);
		reply.clearCookie(sessionCookie, { path: "/" });
		return reply.seeOther("/", "flash.accountDeleted");
	});

	const usersPage = async (req: FastifyRequest, reply: FastifyReply, grantForm: FormState, status = 200) => {
		const data = await service.usersPage(db, req.viewer);
		return reply.page(req.t("accounts.users.title"), (ctx) => UsersPage({ ctx, data, grantForm }), status);
	};

	app.get("/admin/users", async (req, reply) => usersPage(req, reply, formState({ role: "member" })));

	app.post("/admin/users/memberships", async (req, reply) => {
		const result = await service.grantMembership(db, req.viewer, req.body);
		if (!result.ok) return usersPage(req, reply, result.state, 422);
		return reply.seeOther("/admin/users", "flash.membershipGranted");
	});

	app.post("/admin/users/memberships/remove", async (req, reply) => {
		await service.removeMembership(db, req.viewer, req.body);
		return reply.seeOther("/admin/users", "flash.membershipRemoved");
	});

	app.post("/admin/users/administrator", async (req, reply) => {
		const isAdministrator = await service.setAdministrator(db, req.viewer, req.body);
		return reply.seeOther("/admin/users", isAdministrator ? "flash.administratorGranted" : "flash.administratorRevoked");
	});
}
