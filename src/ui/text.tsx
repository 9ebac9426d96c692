/** Shows stored plain text as paragraphs, split on blank lines; never as HTML. */
export function Paragraphs({ text, lang }: { text: string; lang?: string }) {
	const parts = text
		.split(/\n\s*\n/)
		.map((s) => s.trim())
		.filter(Boolean);
	return (
		<>
			{parts.map((part, i) => (
				<p key={i} lang={lang}>
					{part}
				</p>
			))}
		</>
	);
}
