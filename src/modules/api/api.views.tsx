import type { PageContext } from "../../ui/context.js";
import { Paragraphs } from "../../ui/text.js";
import type { Endpoint, EndpointGroup, SchemaField } from "./api.service.js";

/** The API documentation: every endpoint with its parameters and the shape of its answers. */
export function ApiDocsPage({ ctx, groups, version, documentUrl }: { ctx: PageContext; groups: EndpointGroup[]; version: string; documentUrl: string }) {
	const { t } = ctx;
	const endpoints = groups.flatMap((g) => g.endpoints);
	return (
		<div class="api-docs">
			<h1>{t("api.docs.title")}</h1>
			<p class="lead">{t("api.docs.intro")}</p>
			<p>
				<a href={documentUrl} type="application/json">
					{t("api.docs.documentLink")}
				</a>{" "}
				{t("api.docs.version", { version })}
			</p>
			{endpoints.length === 0 ? (
				<p>{t("api.docs.none")}</p>
			) : (
				<>
					<nav aria-labelledby="api-contents">
						<h2 id="api-contents">{t("api.docs.contents")}</h2>
						<ul>
							{endpoints.map((e) => (
								<li key={e.id}>
									<a href={`#${e.id}`}>
										<code>
											{e.method} {e.path}
										</code>
										{e.summary && ` – ${e.summary}`}
									</a>
								</li>
							))}
						</ul>
					</nav>
					{groups.map((g) => (
						<section key={g.tag}>
							<h2>{g.tag || t("api.docs.untagged")}</h2>
							{g.description && <p>{g.description}</p>}
							{g.endpoints.map((e) => (
								<EndpointSection key={e.id} ctx={ctx} endpoint={e} />
							))}
						</section>
					))}
				</>
			)}
		</div>
	);
}

function EndpointSection({ ctx, endpoint: e }: { ctx: PageContext; endpoint: Endpoint }) {
	const { t } = ctx;
	return (
		<section id={e.id} class="api-endpoint">
			<h3>
				<code>
					{e.method} {e.path}
				</code>
			</h3>
			{e.summary && <p>{e.summary}</p>}
			{e.description && <Paragraphs text={e.description} />}
			<h4>{t("api.docs.parameters")}</h4>
			{e.parameters.length === 0 ? (
				<p>{t("api.docs.noParameters")}</p>
			) : (
				<ul class="api-schema">
					{e.parameters.map((p) => (
						<li key={`${p.in}-${p.name}`}>
							<code>{p.name}</code> {t("api.docs.parameterIn", { in: t(`api.docs.in.${p.in}`) })}, {p.type}
							{p.required && `, ${t("api.docs.required")}`}
							{p.description && ` – ${p.description}`}
							{p.values.length > 0 && <Values ctx={ctx} values={p.values} />}
						</li>
					))}
				</ul>
			)}
			{e.requestBody && (
				<>
					<h4>{t("api.docs.requestBody")}</h4>
					<SchemaView ctx={ctx} root={e.requestBody} />
				</>
			)}
			<h4>{t("api.docs.responses")}</h4>
			{e.responses.map((r) => (
				<div key={r.status}>
					<h5>
						{t("api.docs.status", { status: r.status })}
						{r.description && ` – ${r.description}`}
					</h5>
					{r.body ? <SchemaView ctx={ctx} root={r.body} /> : <p>{t("api.docs.noBody")}</p>}
				</div>
			))}
		</section>
	);
}

function SchemaView({ ctx, root }: { ctx: PageContext; root: SchemaField }) {
	return (
		<>
			<p>
				{ctx.t("api.docs.bodyType", { type: root.type })}
				{root.description && ` – ${root.description}`}
			</p>
			{root.values.length > 0 && <Values ctx={ctx} values={root.values} />}
			{root.fields.length > 0 && <Fields ctx={ctx} fields={root.fields} />}
		</>
	);
}

function Fields({ ctx, fields }: { ctx: PageContext; fields: SchemaField[] }) {
	return (
		<ul class="api-schema">
			{fields.map((f, i) => (
				<li key={f.name ?? i}>
					{f.name !== null && (
						<>
							<code>{f.name}</code>:{" "}
						</>
					)}
					{f.type}
					{f.required && `, ${ctx.t("api.docs.required")}`}
					{f.description && ` – ${f.description}`}
					{f.values.length > 0 && <Values ctx={ctx} values={f.values} />}
					{f.fields.length > 0 && <Fields ctx={ctx} fields={f.fields} />}
				</li>
			))}
		</ul>
	);
}

function Values({ ctx, values }: { ctx: PageContext; values: string[] }) {
	return (
		<>
			{` (${ctx.t("api.docs.values")} `}
			{values.map((v, i) => (
				<span key={v}>
					{i > 0 && ", "}
					<code>{v}</code>
				</span>
			))}
			{")"}
		</>
	);
}
