import type { ComponentChildren } from "preact";
import type { PageContext } from "./context.js";

const nav = [
	{ href: "/", key: "layout.nav.start" },
	{ href: "/vision", key: "layout.nav.vision" },
	{ href: "/fokusomraden", key: "layout.nav.focusAreas" },
	{ href: "/mal", key: "layout.nav.goals" },
	{ href: "/uppfoljning", key: "layout.nav.followup" },
	{ href: "/aktorer", key: "layout.nav.organisations" },
	{ href: "/initiativ", key: "layout.nav.initiatives" },
	{ href: "/arenor", key: "layout.nav.arenas" },
	{ href: "/beslut", key: "layout.nav.decisions" },
	{ href: "/enkater", key: "layout.nav.surveys" },
	{ href: "/framtidsverkstader", key: "layout.nav.workshops" },
	{ href: "/ideer", key: "layout.nav.ideas" },
	{ href: "/delaktighet", key: "layout.nav.participation" },
];

/** The frame of every page: skip link, header with menu and language switch, main, footer. */
export function Layout(props: { ctx: PageContext; title: string; children: ComponentChildren }) {
	const { ctx } = props;
	const { t } = ctx;
	const otherLang = ctx.lang === "sv" ? "en" : "sv";
	const isCurrent = (href: string) => (href === "/" ? ctx.path === "/" : ctx.path.startsWith(href));
	const { branding } = ctx;
	const siteName = branding.name ?? t("site.name");
	return (
		<html lang={ctx.lang}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<title>{`${props.title} – ${siteName}`}</title>
				<link rel="icon" href={`/favicon.ico?v=${branding.version}`} />
				<link rel="stylesheet" href="/static/site.css" />
				{branding.themed && <link rel="stylesheet" href={`/branding/theme.css?v=${branding.version}`} />}
				<script src="/static/site.js" />
			</head>
			<body>
				<a class="skip-link" href="#main">
					{t("layout.skip")}
				</a>
				<header class="site-header">
					<div class="wrap header-row">
						<a class="brand" href="/">
							{branding.logoAlt !== null && <img src={`/branding/logo?v=${branding.version}`} alt={branding.logoAlt} />}
							<span>{siteName}</span>
						</a>
						<button type="button" class="menu-toggle" aria-controls="site-menu" aria-expanded="false">
							{t("layout.menu")}
						</button>
						<div id="site-menu" class="site-menu">
							<nav aria-label={t("layout.nav")}>
								<ul class="nav-list">
									{nav.map((item) => (
										<li key={item.href}>
											<a href={item.href} aria-current={isCurrent(item.href) ? "page" : undefined}>
												{t(item.key)}
											</a>
										</li>
									))}
									{ctx.canAdminister && (
										<li>
											<a href="/admin" aria-current={isCurrent("/admin") ? "page" : undefined}>
												{t("layout.nav.admin")}
											</a>
										</li>
									)}
									{ctx.workspaceLinks?.map((w) => (
										<li key={w.href}>
											<a href={w.href} aria-current={isCurrent(w.href) ? "page" : undefined}>
												{t(w.key)}
											</a>
										</li>
									))}
								</ul>
							</nav>
							<div class="header-tools">
								<a href={`/language/${otherLang}?next=${encodeURIComponent(ctx.path)}`} hrefLang={otherLang} lang={otherLang}>
									{t("layout.switchLanguage")}
								</a>
								{ctx.viewer ? (
									<form method="post" action="/sign-out" class="inline-form">
										<input type="hidden" name="_csrf" value={ctx.csrfToken} />
										<span class="signed-in">{t("layout.signedInAs", { email: ctx.viewer.email })}</span>{" "}
										<button type="submit" class="link-button">
											{t("layout.nav.signOut")}
										</button>
									</form>
								) : (
									<a href="/sign-in">{t("layout.nav.signIn")}</a>
								)}
							</div>
						</div>
					</div>
				</header>
				<main id="main" tabindex={-1} class="wrap">
					{ctx.flash && (
						<p class="flash" role="status">
							{t(ctx.flash)}
						</p>
					)}
					{ctx.leftOut?.map((field) => (
						<p class="flash" role="status">
							{t("error.input.leftOut", { field })}
						</p>
					))}
					{props.children}
				</main>
				<footer class="site-footer">
					<div class="wrap">
						<ul class="footer-links">
							<li>
								<a href="/tillganglighet">{t("layout.accessibility")}</a>
							</li>
							<li>
								<a href="/api/docs">{t("layout.api")}</a>
							</li>
							<li>
								<a href="/hjalp">{t("layout.help")}</a>
							</li>
						</ul>
						<p>{t("layout.poweredBy")}</p>
					</div>
				</footer>
			</body>
		</html>
	);
}
