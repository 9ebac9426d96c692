/**
 * A small hand-made Swedish synonym list for what residents write about in a municipality's future programme.
 * No openly licensed Swedish thesaurus is published on npm (the only registry this project installs from), so this
 * list was written by hand for Medskapa: each line is one group of words (or word stems) that mean the same, and
 * the first word names the group. Everyday forms and abbreviations sit beside the standard word; misspellings are left to character n-grams.
 * It is deliberately general (no place names, no single survey's wording); extend it per municipality.
 */
export const synonymGroups: readonly string[] = [
	"skidspår längdspår skidled skidslinga elljusspår motionsspår spårdragning spårmaskin pistmaskin",
	"skida skidor skidåkning längdskidåkning skidåkare",
	"snöskoter skoter skoterled",
	"bredband fiber fibernät fiberanslutning internet uppkoppling nätet wifi",
	"mobiltäckning täckning mobilnät mobilmast 4g 5g",
	"buss bussar bussen busstur busslinje kollektivtrafik länstrafik linjetrafik",
	"hållplats busshållplats",
	"pendla pendling pendlare",
	"skola skolan skolor skolorna byskola grundskola högstadium lågstadium mellanstadium",
	"förskola dagis barnomsorg fritids fritidshem",
	"lärare pedagog förskollärare speciallärare",
	"elev elever eleverna skolbarn",
	"äldreomsorg omsorg äldrevård",
	"äldreboende särskilt boende demensboende servicehus",
	"hemtjänst hemtjänsten hemsjukvård",
	"äldre gamla pensionär pensionärer senior seniorer",
	"jobb arbete anställning sysselsättning arbetstillfälle jobben arbeten",
	"arbetsgivare företag företagare näringsliv entreprenör småföretag",
	"arbetslös arbetslöshet",
	"rekrytera rekrytering kompetensförsörjning arbetskraft",
	"bostad bostäder boende lägenhet lägenheter hyresrätt hyreslägenhet bostadsrätt",
	"hus villa villor fastighet radhus",
	"tomt tomter byggtomt",
	"hyra hyror hyran",
	"kultur kulturliv kulturutbud kulturarrangemang",
	"bibliotek biblioteket bokbuss",
	"bio biograf film filmvisning",
	"konsert konserter livemusik musik",
	"teater teatergrupp scen",
	"museum museet utställning",
	"förening föreningar föreningsliv",
	"väg vägar vägen",
	"barn ungar",
	"ungdom ungdomar unga tonåringar",
];
