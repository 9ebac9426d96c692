import type { ComponentChildren } from "preact";
import type { PageContext } from "./context.js";
import type { FormState } from "./forms.js";
import { translateMsg } from "./messages.js";

type FieldProps = {
	ctx: PageContext;
	form: FormState;
	name: string;
	label: string;
	hint?: string;
	required?: boolean;
};

/** A form that posts with its CSRF token, shows an error summary first and keeps focus order natural. */
export function Form(props: { ctx: PageContext; form: FormState; action: string; labels: Record<string, string>; submit?: string; children: ComponentChildren }) {
	const { ctx, form } = props;
	return (
		<form method="post" action={props.action} novalidate>
			<input type="hidden" name="_csrf" value={ctx.csrfToken} />
			<ErrorSummary ctx={ctx} form={form} labels={props.labels} />
			{props.children}
			<button type="submit">{props.submit ?? ctx.t("form.save")}</button>
		</form>
	);
}

/** Lists every error with a link to its field, as GOV.UK and Digg's guidance recommend. */
export function ErrorSummary(props: { ctx: PageContext; form: FormState; labels: Record<string, string> }) {
	const entries = Object.entries(props.form.errors);
	if (entries.length === 0) return null;
	return (
		<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
			<h2 id="error-summary-title">{props.ctx.t("form.errorSummary")}</h2>
			<ul>
				{entries.map(([field, message]) => (
					<li key={field}>
						<a href={`#field-${field}`}>
							{props.labels[field] ? `${props.labels[field]}: ` : ""}
							{translateMsg(props.ctx.t, message)}
						</a>
					</li>
				))}
			</ul>
		</div>
	);
}

function Label(props: FieldProps) {
	return (
		<label for={`field-${props.name}`}>
			{props.label}
			<span class="field-need"> ({props.ctx.t(props.required ? "form.required" : "form.optional")})</span>
		</label>
	);
}

function describedBy(props: FieldProps): string | undefined {
	const ids = [props.hint ? `hint-${props.name}` : "", props.form.errors[props.name] ? `error-${props.name}` : ""].filter(Boolean);
	return ids.length ? ids.join(" ") : undefined;
}

function HintAndError(props: FieldProps) {
	const error = props.form.errors[props.name];
	return (
		<>
			{props.hint && (
				<p class="hint" id={`hint-${props.name}`}>
					{props.hint}
				</p>
			)}
			{error && (
				<p class="field-error" id={`error-${props.name}`}>
					{translateMsg(props.ctx.t, error)}
				</p>
			)}
		</>
	);
}

/** A one-line text input (also for numbers, dates and e-mail through `type`). */
export function TextField(props: FieldProps & { type?: "text" | "email" | "date" | "url"; inputmode?: "numeric"; autocomplete?: string; maxLength?: number }) {
	const invalid = Boolean(props.form.errors[props.name]);
	return (
		<div class={invalid ? "field field-invalid" : "field"}>
			<Label {...props} />
			<HintAndError {...props} />
			<input
				id={`field-${props.name}`}
				name={props.name}
				type={(props.type ?? "text") as "text"}
				inputMode={props.inputmode}
				autocomplete={props.autocomplete as "on" | undefined}
				maxLength={props.maxLength}
				value={props.form.values[props.name] ?? ""}
				required={props.required}
				aria-invalid={invalid ? "true" : undefined}
				aria-describedby={describedBy(props)}
			/>
		</div>
	);
}

/** A multi-line text input. */
export function TextArea(props: FieldProps & { rows?: number; maxLength?: number }) {
	const invalid = Boolean(props.form.errors[props.name]);
	return (
		<div class={invalid ? "field field-invalid" : "field"}>
			<Label {...props} />
			<HintAndError {...props} />
			<textarea
				id={`field-${props.name}`}
				name={props.name}
				rows={props.rows ?? 5}
				maxLength={props.maxLength}
				required={props.required}
				aria-invalid={invalid ? "true" : undefined}
				aria-describedby={describedBy(props)}
			>
				{props.form.values[props.name] ?? ""}
			</textarea>
		</div>
	);
}

/** A drop-down of fixed options. */
export function SelectField(props: FieldProps & { options: { value: string; label: string }[] }) {
	const invalid = Boolean(props.form.errors[props.name]);
	const current = props.form.values[props.name] ?? "";
	return (
		<div class={invalid ? "field field-invalid" : "field"}>
			<Label {...props} />
			<HintAndError {...props} />
			<select
				id={`field-${props.name}`}
				name={props.name}
				required={props.required}
				aria-invalid={invalid ? "true" : undefined}
				aria-describedby={describedBy(props)}
			>
				{!props.required && <option value="">–</option>}
				{props.options.map((o) => (
					<option key={o.value} value={o.value} selected={o.value === current}>
						{o.label}
					</option>
				))}
			</select>
		</div>
	);
}
