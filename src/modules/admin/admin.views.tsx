import { PageHelp } from "../../ui/components.js";
import type { PageContext } from "../../ui/context.js";
import type { dashboard } from "./admin.service.js";

type Dashboard = Awaited<ReturnType<typeof dashboard>>;

function SectionLinks({ ctx, id, title, links }: { ctx: PageContext; id: string; title: string; links: Dashboard["programme"] }) {
	return (
		<section aria-labelledby={id}>
			<h2 id={id}>{title}</h2>
			<ul>
				{links.map((s) => (
					<li key={s.href}>
						<a href={s.href}>{ctx.t(s.key)}</a>
					</li>
				))}
			</ul>
		</section>
	);
}

/** The administration's start page: links to each section the viewer may open. */
export function DashboardPage({ ctx, data }: { ctx: PageContext; data: Dashboard }) {
	const { t } = ctx;
	return (
		<>
			<h1>{t("admin.title")}</h1>
			<PageHelp ctx={ctx} page="admin" />
			<SectionLinks ctx={ctx} id="admin-programme" title={t("admin.sections")} links={data.programme} />
			{data.installation.length > 0 && <SectionLinks ctx={ctx} id="admin-installation" title={t("admin.installation")} links={data.installation} />}
		</>
	);
}
