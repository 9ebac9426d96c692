import type { VNode } from "preact";
import type { Db } from "../db/client.js";
import type { PageContext } from "./context.js";

/**
 * A part of a page that a later module adds, registered when the app is assembled: e.g. what a focus area rests on
 * (from synthesis) on the focus area's page, or where residents' words lead from a goal. The module owning the page
 * may not import later modules, so they come to it through here.
 */
export type PageSection<T> = {
	load: (db: Db, id: string) => Promise<T>;
	View: (props: { ctx: PageContext; data: T }) => VNode | null;
	/** Where the section stands among the page's sections, lowest first; modules load in no order a page should show. */
	rank?: number;
};

/** The pages that take sections from later modules. */
export type SectionedPage = "focusArea" | "goal" | "idea" | "organisation";

/** A section with its data, ready to render. */
export type LoadedSection = { name: string; View: (props: { ctx: PageContext; data: unknown }) => VNode | null; data: unknown };

const registry = new Map<SectionedPage, Map<string, PageSection<unknown>>>();

/** Adds (or replaces, by name) a section of a kind of page. */
export function registerPageSection<T>(page: SectionedPage, name: string, section: PageSection<T>): void {
	const sections = registry.get(page) ?? new Map<string, PageSection<unknown>>();
	sections.set(name, section as PageSection<unknown>);
	registry.set(page, sections);
}

/** The sections registered for a kind of page, with their data for one record. */
export async function loadPageSections(page: SectionedPage, db: Db, id: string): Promise<LoadedSection[]> {
	const sections = [...(registry.get(page) ?? [])].sort(([, a], [, b]) => (a.rank ?? 0) - (b.rank ?? 0));
	return Promise.all(sections.map(async ([name, s]) => ({ name, View: s.View, data: await s.load(db, id) })));
}

/** Renders loaded sections in their order. */
export function PageSections({ ctx, sections }: { ctx: PageContext; sections: LoadedSection[] }) {
	return (
		<>
			{sections.map(({ name, View, data }) => (
				<View key={name} ctx={ctx} data={data} />
			))}
		</>
	);
}
