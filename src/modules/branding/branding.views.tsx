import { PageHelp } from "../../ui/components.js";
import type { PageContext } from "../../ui/context.js";
import { ErrorSummary, FileField, Form, TextField } from "../../ui/form.js";
import { type FormState, formState } from "../../ui/forms.js";
import type { brandingForAdmin } from "./branding.service.js";
import { maxImageBytes } from "./branding.images.js";

/** The forms of the look's page that came back refused, with what was typed. */
export type BrandingForms = { look?: FormState; logo?: FormState; favicon?: FormState };

type Data = Awaited<ReturnType<typeof brandingForAdmin>>;

function UploadForm(props: { ctx: PageContext; form: FormState; action: string; label: string; hint: string; accept: string; children?: preact.ComponentChildren }) {
	const { ctx, form } = props;
	return (
		<form method="post" action={props.action} enctype="multipart/form-data" novalidate>
			<input type="hidden" name="_csrf" value={ctx.csrfToken} />
			<ErrorSummary ctx={ctx} form={form} labels={{ file: props.label, logoAlt: ctx.t("branding.field.logoAlt") }} />
			<FileField ctx={ctx} form={form} name="file" label={props.label} hint={props.hint} accept={props.accept} />
			{props.children}
			<button type="submit">{ctx.t("form.save")}</button>
		</form>
	);
}

/** The administrator's page for the site's name, colours (checked against WCAG AA), logo and favicon. */
export function BrandingPage({ ctx, data, forms }: { ctx: PageContext; data: Data; forms: BrandingForms }) {
	const { t } = ctx;
	const look = forms.look ?? data.look;
	const logo = forms.logo ?? formState({ logoAlt: data.logoAlt });
	const labels = { name: t("branding.field.name"), brandColour: t("branding.field.brandColour"), linkColour: t("branding.field.linkColour") };
	const maxKb = maxImageBytes / 1024;
	return (
		<>
			<h1>{t("branding.title")}</h1>
			<PageHelp ctx={ctx} page="branding" />
			<section aria-labelledby="branding-look">
				<h2 id="branding-look">{t("branding.look")}</h2>
				<Form ctx={ctx} form={look} action="/admin/utseende" labels={labels}>
					<TextField ctx={ctx} form={look} name="name" label={labels.name} hint={t("branding.field.name.hint")} maxLength={80} />
					<TextField ctx={ctx} form={look} name="brandColour" label={labels.brandColour} hint={t("branding.field.brandColour.hint")} maxLength={7} />
					<TextField ctx={ctx} form={look} name="linkColour" label={labels.linkColour} hint={t("branding.field.linkColour.hint")} maxLength={7} />
				</Form>
			</section>
			<section aria-labelledby="branding-logo">
				<h2 id="branding-logo">{t("branding.logo")}</h2>
				{data.hasLogo ? (
					<p class="branding-preview">
						<img src={`/branding/logo?v=${ctx.branding.version}`} alt={data.logoAlt} />
					</p>
				) : (
					<p>{t("branding.noLogo")}</p>
				)}
				<UploadForm ctx={ctx} form={logo} action="/admin/utseende/logotyp" label={t("branding.field.logo")} hint={t("branding.field.logo.hint", { max: maxKb })} accept=".svg,.png,image/svg+xml,image/png">
					<TextField ctx={ctx} form={logo} name="logoAlt" label={t("branding.field.logoAlt")} hint={t("branding.field.logoAlt.hint")} maxLength={200} required />
				</UploadForm>
				{data.hasLogo && (
					<form method="post" action="/admin/utseende/logotyp/ta-bort">
						<input type="hidden" name="_csrf" value={ctx.csrfToken} />
						<button type="submit" class="secondary">
							{t("branding.removeLogo")}
						</button>
					</form>
				)}
			</section>
			<section aria-labelledby="branding-favicon">
				<h2 id="branding-favicon">{t("branding.favicon")}</h2>
				<UploadForm
					ctx={ctx}
					form={forms.favicon ?? formState()}
					action="/admin/utseende/favicon"
					label={t("branding.field.favicon")}
					hint={t("branding.field.favicon.hint", { max: maxKb })}
					accept=".svg,.png,.ico,image/svg+xml,image/png,image/x-icon"
				/>
			</section>
		</>
	);
}
