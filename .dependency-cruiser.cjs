/**
 * The dependency rules of docs/architecture.md, checked by `npm run deps` (and CI).
 * Modules are ranked along the pipeline: a module may import only from core and from modules ranked before it.
 * Known violations that predate the rules live in .dependency-cruiser-known-violations.json; the check fails on
 * any new one, so the count can only go down.
 */
const core = "^src/(db|config|i18n|ui|lib|plugins|paths)";
// In the seed's order; base modules first. Composition modules come after the pipeline and may use everything.
const pipeline = [
	"mail",
	"accounts",
	"branding",
	"eid",
	"organisations",
	"programmes",
	"focus-areas",
	// The store of input comes first: every channel of participation (surveys, workshops, ideas) files into it.
	"inputs",
	"surveys",
	"workshops",
	"ideas",
	"synthesis",
	"proposals",
	"votes",
	"decisions",
	// The indicator catalogue comes before the goals that are measured by it; follow-up stays last.
	"indicators",
	"initiatives",
	"goals",
	"collaboration",
	"arenas",
	"followup",
];
const composition = ["participation", "pages", "api", "admin", "health", "help"];

const later = (i) => [...pipeline.slice(i + 1), ...composition].join("|");

module.exports = {
	forbidden: [
		{
			name: "no-circular",
			severity: "error",
			comment: "A cycle means no module comes first. Type-only imports count too (tsPreCompilationDeps below).",
			from: { path: "^src" },
			to: { circular: true },
		},
		{
			name: "core-uses-no-module",
			severity: "error",
			comment: "Core is below every module; modules register what core needs when the app is assembled.",
			from: { path: core, pathNot: "\\.test\\.tsx?$" },
			to: { path: "^src/(modules|app|server|cli|demo)" },
		},
		{
			name: "module-through-index",
			severity: "error",
			comment: "A module talks to another only through its index.ts; a schema file may name another module's table for a foreign key.",
			from: { path: "^src/modules/([^/]+)/", pathNot: ["\\.test\\.tsx?$", "\\.schema\\.ts$"] },
			to: { path: "^src/modules/([^/]+)/", pathNot: ["^src/modules/$1/", "^src/modules/[^/]+/index\\.ts$"] },
		},
		...pipeline.map((name, i) => ({
			name: "along-the-pipeline",
			severity: "error",
			comment: `${name} may use only core and modules before it in the pipeline.`,
			from: { path: `^src/modules/${name}/`, pathNot: "\\.test\\.tsx?$" },
			to: { path: `^src/modules/(${later(i)})/` },
		})),
	],
	options: {
		doNotFollow: { path: "node_modules" },
		exclude: { path: "\\.test\\.tsx?$" },
		parser: "swc",
		enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js"] },
		// Keeps `import type` in the graph, so that a cycle through types alone is a cycle too.
		tsPreCompilationDeps: true,
	},
};
