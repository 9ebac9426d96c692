import type { PageContext } from "../../ui/context.js";
import { guide } from "./help.guide.js";

/** The coordinator's guide: the programme's steps in order, each with what happens and the pages where it is done. */
export function GuidePage({ ctx }: { ctx: PageContext }) {
	const { t } = ctx;
	return (
		<>
			<h1>{t("help.title")}</h1>
			<p class="lead" id="admin">
				{t("help.lead")}
			</p>
			<p>{t("help.signInFirst")}</p>
			<nav aria-labelledby="help-contents">
				<h2 id="help-contents">{t("help.contents")}</h2>
				<ol class="plain-list">
					{guide.map((step) => (
						<li key={step.id}>
							<a href={`#step-${step.id}`}>{t(`help.step.${step.id}`)}</a>
						</li>
					))}
				</ol>
			</nav>
			{guide.map((step) => (
				<section key={step.id} aria-labelledby={`step-${step.id}`}>
					<h2 id={`step-${step.id}`}>{t(`help.step.${step.id}`)}</h2>
					<p>{t(`help.step.${step.id}.text`)}</p>
					<h3>{t("help.pages")}</h3>
					<ul>
						{step.sections.map((section) => (
							<li key={section.page} id={section.page}>
								{/* The guide is public: it links only pages every coordinator may open. */}
								{section.administratorOnly ? (
									<>
										{t(section.key)} {t("help.administratorsOnly")}
									</>
								) : (
									<a href={section.href}>{t(section.key)}</a>
								)}
								: {t(`help.page.${section.page}`)}
							</li>
						))}
					</ul>
				</section>
			))}
		</>
	);
}
