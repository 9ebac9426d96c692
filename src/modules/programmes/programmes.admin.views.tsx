import { formatDate } from "../../i18n/i18n.js";
import type { PageContext } from "../../ui/context.js";
import { Form, SelectField, TextArea, TextField } from "../../ui/form.js";
import type { FormState } from "../../ui/forms.js";
import type { ProgrammePhase } from "./programmes.repo.js";
import { PageHelp, TableScroll } from "../../ui/components.js";

/** The coordinator's programme page: the programme form, then the phases of its timeline. */
export function ProgrammeAdminPage(props: {
	ctx: PageContext;
	form: FormState;
	phases: ProgrammePhase[];
	organisations: { id: string; name: string }[];
}) {
	const { ctx, form } = props;
	const { t, lang } = ctx;
	const field = (name: string) => t(`programme.field.${name}`);
	const labels = Object.fromEntries(
		[
			"name",
			"community",
			"municipalityCode",
			"population",
			"populationDate",
			"populationSource",
			"horizonYear",
			"summary",
			"description",
			"coordinatorId",
		].map((name) => [name, field(name)]),
	);
	return (
		<>
			<p>
				<a href="/admin">{t("admin.back")}</a>
			</p>
			<h1>{t("programme.admin.title")}</h1>
			<PageHelp ctx={ctx} page="programme" />
			<Form ctx={ctx} form={form} action="/admin/programme" labels={labels}>
				<TextField ctx={ctx} form={form} name="name" label={labels.name!} required />
				<TextField ctx={ctx} form={form} name="community" label={labels.community!} required />
				<TextField ctx={ctx} form={form} name="municipalityCode" label={labels.municipalityCode!} hint={t("programme.field.municipalityCode.hint")} inputmode="numeric" required />
				<TextField ctx={ctx} form={form} name="population" label={labels.population!} hint={t("programme.field.population.hint")} inputmode="numeric" required />
				<TextField ctx={ctx} form={form} name="populationDate" label={labels.populationDate!} hint={t("programme.field.date.hint")} type="date" required />
				<TextField ctx={ctx} form={form} name="populationSource" label={labels.populationSource!} hint={t("programme.field.populationSource.hint")} required />
				<TextField ctx={ctx} form={form} name="horizonYear" label={labels.horizonYear!} inputmode="numeric" required />
				<TextArea ctx={ctx} form={form} name="summary" label={labels.summary!} rows={3} />
				<TextArea ctx={ctx} form={form} name="description" label={labels.description!} hint={t("programme.field.description.hint")} rows={8} />
				<SelectField
					ctx={ctx}
					form={form}
					name="coordinatorId"
					label={labels.coordinatorId!}
					hint={t("programme.field.coordinatorId.hint")}
					options={props.organisations.map((o) => ({ value: o.id, label: o.name }))}
				/>
			</Form>
			<section aria-labelledby="phases-title">
				<h2 id="phases-title">{t("programme.timeline")}</h2>
				{props.phases.length === 0 ? (
					<p>{t("programme.admin.noPhases")}</p>
				) : (
					<TableScroll label={t("programme.timeline")}>
						<table>
							<thead>
								<tr>
									<th scope="col">{t("programme.field.phaseName")}</th>
									<th scope="col">{t("programme.admin.phaseDates")}</th>
									<th scope="col">{t("programme.admin.actions")}</th>
								</tr>
							</thead>
							<tbody>
								{props.phases.map((phase) => (
									<tr key={phase.id}>
										<th scope="row">{phase.name}</th>
										<td>
											{phase.endsOn
												? t("programme.phase.dates", { from: formatDate(lang, phase.startsOn), to: formatDate(lang, phase.endsOn) })
												: t("programme.phase.from", { from: formatDate(lang, phase.startsOn) })}
										</td>
										<td>
											<a href={`/admin/programme/phases/${phase.id}`}>{t("programme.admin.editPhase", { name: phase.name })}</a>
											<form method="post" action={`/admin/programme/phases/${phase.id}/delete`} class="inline-form">
												<input type="hidden" name="_csrf" value={ctx.csrfToken} />{" "}
												<button type="submit" class="secondary">
													{t("programme.admin.deletePhase", { name: phase.name })}
												</button>
											</form>
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</TableScroll>
				)}
				<p>
					<a class="button" href="/admin/programme/phases/new">
						{t("programme.admin.addPhase")}
					</a>
				</p>
			</section>
		</>
	);
}

/** The form for a new phase or for changing one. */
export function PhaseForm({ ctx, form, action, heading }: { ctx: PageContext; form: FormState; action: string; heading: string }) {
	const { t } = ctx;
	const labels = {
		name: t("programme.field.phaseName"),
		description: t("programme.field.phaseDescription"),
		startsOn: t("programme.field.startsOn"),
		endsOn: t("programme.field.endsOn"),
	};
	return (
		<>
			<p>
				<a href="/admin/programme">{t("programme.admin.back")}</a>
			</p>
			<h1>{heading}</h1>
			<Form ctx={ctx} form={form} action={action} labels={labels}>
				<TextField ctx={ctx} form={form} name="name" label={labels.name} maxLength={200} required />
				<TextArea ctx={ctx} form={form} name="description" label={labels.description} rows={3} maxLength={2000} />
				<TextField ctx={ctx} form={form} name="startsOn" label={labels.startsOn} hint={t("programme.field.date.hint")} type="date" required />
				<TextField ctx={ctx} form={form} name="endsOn" label={labels.endsOn} hint={t("programme.field.endsOn.hint")} type="date" />
			</Form>
		</>
	);
}
