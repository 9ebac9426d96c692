import { type ComponentChildren, createContext } from "preact";
import { useContext } from "preact/hooks";
import type { PageContext } from "./context.js";
import type { FormState } from "./forms.js";
import { translateMsg } from "./messages.js";
import { noteShown } from "./refusals.js";

type FieldProps = {
	ctx: PageContext;
	form: FormState;
	name: string;
	label: string;
	hint?: string;
	required?: boolean;
};

/** The field ids given out on the page being rendered; the page renderer provides a fresh set for each page. */
export const PageIds = createContext<Set<string> | null>(null);
/**
 * The element ids of a first rendering of the page (a field's only when it shows its message), when the page is rendered
 * again for its error summary: a summary links only to a field on the page that shows the refusal; any other is plain text.
 */
export const IdsOnPage = createContext<Set<string> | null>(null);
/** The ids of the form being rendered, by field name, so that its error summary and its fields agree. */
const FormIds = createContext<Map<string, string> | null>(null);

/**
 * The id of a field's input, unique on the page: "field-title" for the first form with a title, "field-title-2" for the
 * second. Within one form the same name always gets the same id.
 */
export function useFieldId(name: string, options: { peek?: boolean } = {}): string {
	const pageIds = useContext(PageIds);
	const formIds = useContext(FormIds);
	const known = formIds?.get(name);
	if (known) return known;
	let id = `field-${name}`;
	for (let n = 2; pageIds?.has(id); n++) id = `field-${name}-${n}`;
	// An error summary outside a <Form> links to the id its field will take when it comes: it must not take it first.
	if (options.peek && !formIds) return id;
	pageIds?.add(id);
	formIds?.set(name, id);
	return id;
}

/** The ids of a field's input, hint and error message, unique on the page (see useFieldId). */
export function useFieldIds(name: string) {
	const input = useFieldId(name);
	const suffix = input.slice("field-".length);
	return { input, hint: `hint-${suffix}`, error: `error-${suffix}` };
}

/** A form that posts with its CSRF token, shows an error summary first and keeps focus order natural. */
export function Form(props: { ctx: PageContext; form: FormState; action: string; labels: Record<string, string>; submit?: string; multipart?: boolean; children: ComponentChildren }) {
	const { ctx, form } = props;
	return (
		<FormIds.Provider value={new Map()}>
			<form method="post" action={props.action} enctype={props.multipart ? "multipart/form-data" : undefined} novalidate>
				<input type="hidden" name="_csrf" value={ctx.csrfToken} />
				<ErrorSummary ctx={ctx} form={form} labels={props.labels} />
				{props.children}
				<button type="submit">{props.submit ?? ctx.t("form.save")}</button>
			</form>
		</FormIds.Provider>
	);
}

/** Lists every error with a link to its field, as GOV.UK and Digg's guidance recommend. */
export function ErrorSummary(props: { ctx: PageContext; form: FormState; labels: Record<string, string> }) {
	const entries = Object.entries(props.form.errors);
	if (entries.length === 0) return null;
	for (const [field] of entries) noteShown(field);
	return (
		<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
			<h2 id="error-summary-title">{props.ctx.t("form.errorSummary")}</h2>
			<ul>
				{entries.map(([field, message]) => (
					<ErrorLink key={field} field={field} label={props.labels[field]} message={translateMsg(props.ctx.t, message)} />
				))}
			</ul>
		</div>
	);
}

function ErrorLink(props: { field: string; label: string | undefined; message: string }) {
	const id = useFieldId(props.field, { peek: true });
	const onPage = useContext(IdsOnPage);
	const text = `${props.label ? `${props.label}: ` : ""}${props.message}`;
	return <li>{onPage && !onPage.has(id) ? text : <a href={`#${id}`}>{text}</a>}</li>;
}

/**
 * The ids an error summary in a rendered page links to that lead to no field showing that error: no element has the id,
 * or the field there shows no message (it is another form's field of the same name, the refused form being gone).
 * Given with the ids of the page's fields that do show their message.
 */
export function danglingSummaryLinks(html: string): { ids: Set<string>; dangling: string[] } {
	const all = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
	const ids = new Set([...all].filter((id) => !id.startsWith("field-") || all.has(`error-${id.slice("field-".length)}`)));
	const summaries = [...html.matchAll(/class="error-summary"[\s\S]*?<\/ul>/g)].map((m) => m[0]).join("");
	const dangling = [...summaries.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!).filter((id) => !ids.has(id));
	return { ids, dangling };
}

type Ids = ReturnType<typeof useFieldIds>;

function Label(props: FieldProps & { ids: Ids }) {
	return (
		<label for={props.ids.input}>
			{props.label}
			<span class="field-need"> ({props.ctx.t(props.required ? "form.required" : "form.optional")})</span>
		</label>
	);
}

function describedBy(props: FieldProps, ids: Ids): string | undefined {
	const described = [props.hint ? ids.hint : "", props.form.errors[props.name] ? ids.error : ""].filter(Boolean);
	return described.length ? described.join(" ") : undefined;
}

function HintAndError(props: FieldProps & { ids: Ids }) {
	const error = props.form.errors[props.name];
	if (error) noteShown(props.name);
	return (
		<>
			{props.hint && (
				<p class="hint" id={props.ids.hint}>
					{props.hint}
				</p>
			)}
			{error && (
				<p class="field-error" id={props.ids.error}>
					{translateMsg(props.ctx.t, error)}
				</p>
			)}
		</>
	);
}

/** A one-line text input (also for numbers, dates and e-mail through `type`). */
export function TextField(props: FieldProps & { type?: "text" | "email" | "date" | "url"; inputmode?: "numeric"; autocomplete?: string; maxLength?: number }) {
	const invalid = Boolean(props.form.errors[props.name]);
	const ids = useFieldIds(props.name);
	return (
		<div class={invalid ? "field field-invalid" : "field"}>
			<Label {...props} ids={ids} />
			<HintAndError {...props} ids={ids} />
			<input
				id={ids.input}
				name={props.name}
				type={(props.type ?? "text") as "text"}
				inputMode={props.inputmode}
				autocomplete={props.autocomplete as "on" | undefined}
				maxLength={props.maxLength}
				value={props.form.values[props.name] ?? ""}
				required={props.required}
				aria-invalid={invalid ? "true" : undefined}
				aria-describedby={describedBy(props, ids)}
			/>
		</div>
	);
}

/** A multi-line text input. */
export function TextArea(props: FieldProps & { rows?: number; maxLength?: number }) {
	const invalid = Boolean(props.form.errors[props.name]);
	const ids = useFieldIds(props.name);
	return (
		<div class={invalid ? "field field-invalid" : "field"}>
			<Label {...props} ids={ids} />
			<HintAndError {...props} ids={ids} />
			<textarea
				id={ids.input}
				name={props.name}
				rows={props.rows ?? 5}
				maxLength={props.maxLength}
				required={props.required}
				aria-invalid={invalid ? "true" : undefined}
				aria-describedby={describedBy(props, ids)}
			>
				{props.form.values[props.name] ?? ""}
			</textarea>
		</div>
	);
}

/** A drop-down of fixed options; a required one with a `placeholder` starts on it, so nothing is chosen for the person. */
export function SelectField(props: FieldProps & { options: { value: string; label: string }[]; placeholder?: string }) {
	const invalid = Boolean(props.form.errors[props.name]);
	const ids = useFieldIds(props.name);
	const current = props.form.values[props.name] ?? "";
	return (
		<div class={invalid ? "field field-invalid" : "field"}>
			<Label {...props} ids={ids} />
			<HintAndError {...props} ids={ids} />
			<select
				id={ids.input}
				name={props.name}
				required={props.required}
				aria-invalid={invalid ? "true" : undefined}
				aria-describedby={describedBy(props, ids)}
			>
				{!props.required && <option value="">–</option>}
				{props.required && props.placeholder && (
					<option value="" selected={current === ""}>
						{props.placeholder}
					</option>
				)}
				{props.options.map((o) => (
					<option key={o.value} value={o.value} selected={o.value === current}>
						{o.label}
					</option>
				))}
			</select>
		</div>
	);
}

/** A file chooser, for forms sent as multipart/form-data. */
export function FileField(props: FieldProps & { hint: string; accept?: string }) {
	const invalid = Boolean(props.form.errors[props.name]);
	const ids = useFieldIds(props.name);
	return (
		<div class={invalid ? "field field-invalid" : "field"}>
			<Label {...props} ids={ids} />
			<HintAndError {...props} ids={ids} />
			<input
				id={ids.input}
				type="file"
				name={props.name}
				accept={props.accept}
				required={props.required}
				aria-invalid={invalid ? "true" : undefined}
				aria-describedby={describedBy(props, ids)}
			/>
		</div>
	);
}

/** A check box with its label after it, a hint and its error when given; checked when the form's value is "on" or "true". */
export function CheckboxField(props: { ctx?: PageContext; form: FormState; name: string; label: string; hint?: string }) {
	const ids = useFieldIds(props.name);
	const value = props.form.values[props.name];
	// Its error shows only where the page passes its context to translate it.
	const error = props.ctx ? props.form.errors[props.name] : undefined;
	if (error) noteShown(props.name);
	const described = [props.hint ? ids.hint : "", error ? ids.error : ""].filter(Boolean).join(" ") || undefined;
	return (
		<div class={error ? "field field-check field-invalid" : "field field-check"}>
			<input id={ids.input} type="checkbox" name={props.name} checked={value === "on" || value === "true"} aria-describedby={described} aria-invalid={error ? "true" : undefined} />
			<label for={ids.input}>{props.label}</label>
			{props.hint && (
				<p class="hint" id={ids.hint}>
					{props.hint}
				</p>
			)}
			{error && props.ctx && (
				<p class="field-error" id={ids.error}>
					{translateMsg(props.ctx.t, error)}
				</p>
			)}
		</div>
	);
}
