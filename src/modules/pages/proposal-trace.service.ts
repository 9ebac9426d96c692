import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { cachedRead } from "../../lib/read-cache.js";
import { notFound } from "../../plugins/http-errors.js";
import type { Viewer } from "../../ui/context.js";
import { getProgramme } from "../programmes/index.js";
import { type Carried, requireAnalyst, saveThemeLinks, themeLinks, traceOfThemes } from "../synthesis/index.js";
import { listProposals, type Proposal, proposalThemes, publicProposal, visionPage } from "../proposals/index.js";

// Here in the composition layer, not in proposals: proposals may not use synthesis while older modules still import
// later ones (the dependency graph would close a cycle). The table stays proposals'; synthesis's link rules write it.

/** The link table and column of a proposal's themes. */
const owner = (id: string) => ({ table: proposalThemes, column: proposalThemes.proposalId, id });

async function proposalOr404(db: Db, id: string): Promise<Proposal> {
	const proposal = (await listProposals(db, (await getProgramme(db)).id)).find((p) => p.id === id);
	if (!proposal) throw notFound();
	return proposal;
}

/** The proposals with how many themes each rests on, for the analysts' list. */
export async function proposalLinksPage(db: Db, viewer: Viewer | null) {
	await requireAnalyst(db, viewer);
	const [proposals, links] = await Promise.all([listProposals(db, (await getProgramme(db)).id), db.select({ proposalId: proposalThemes.proposalId }).from(proposalThemes)]);
	return proposals.map((p) => ({ ...p, themes: links.filter((l) => l.proposalId === p.id).length }));
}

/** One proposal's links to themes, for the analysts' form; a 404 for a proposal that does not exist. */
export async function proposalLinks(db: Db, viewer: Viewer | null, id: string) {
	await requireAnalyst(db, viewer);
	const proposal = await proposalOr404(db, id);
	return { proposal, data: await themeLinks(db, viewer, owner(proposal.id)) };
}

/** Makes a proposal rest on exactly the themes chosen; a proposal that does not exist is a 404, a theme gone refuses the form. */
export async function saveProposalLinks(db: Db, viewer: Viewer | null, id: string, body: unknown) {
	await requireAnalyst(db, viewer);
	const proposal = await proposalOr404(db, id);
	return { proposal, result: await saveThemeLinks(db, viewer, owner(proposal.id), body) };
}

/** A proposal's public page: the proposal, the vote it went to, whether it became the vision, and what it rests on. */
export async function proposalPage(db: Db, id: string) {
	const proposal = await publicProposal(db, id);
	const { vote, vision } = await visionPage(db);
	const trace = await cachedRead(db, `proposals.trace:${proposal.id}`, async () => {
		const links = await db.select({ themeId: proposalThemes.themeId }).from(proposalThemes).where(eq(proposalThemes.proposalId, proposal.id));
		return traceOfThemes(
			db,
			links.map((l) => l.themeId),
		);
	});
	return { proposal, vote, vision: proposal.adopted ? vision : null, trace };
}

/** Every proposal's links to themes, for the themes' public pages. */
export async function proposalsOnThemes(db: Db): Promise<(Carried & { themeId: string })[]> {
	const rows = await db
		.select({ themeId: proposalThemes.themeId, id: proposalThemes.proposalId })
		.from(proposalThemes);
	if (rows.length === 0) return [];
	const proposals = await listProposals(db, (await getProgramme(db)).id);
	return rows.flatMap((r) => {
		const p = proposals.find((x) => x.id === r.id);
		return p ? [{ kind: "proposal" as const, id: p.id, title: `${p.number}. ${p.title}`, href: `/vision/forslag/${p.id}`, themeId: r.themeId }] : [];
	});
}
