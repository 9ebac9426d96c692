// The Norsjöbygden demo: texts, names and dates from Norsjö kommun's council protocol of 2019-02-04
// (KS §15 and §16). Phase boundaries and focus-area descriptions are written for the demo.

export const norsjoKommun = {
	name: "Norsjö kommun",
	type: "municipality" as const,
	orgNumber: "212000-2643",
	description: "Kommunen tog initiativ till Framtidsprogrammet och samordnar arbetet i startfasen.",
	website: "https://www.norsjo.se",
};

export const programme = {
	name: "Framtidsprogrammet",
	community: "Norsjöbygden",
	municipalityCode: "2417",
	population: 4094,
	populationDate: "2018-12-31",
	populationSource: "SCB",
	horizonYear: 2030,
	summary:
		"Ett medskapande och långsiktigt arbete, till 2030 eller längre, öppet för alla organisationer och enskilda personer som önskar delta och bidra till Norsjöbygdens utveckling.",
	description: [
		"Kommunstyrelsen beslutade i juni 2018 att inleda en arbetsprocess för att stärka Norsjöbygden så att dagens och morgondagens utmaningar klaras av bättre. Arbetet kallas Framtidsprogrammet.",
		"Med Framtidsprogrammet har Norsjö kommun tagit initiativ till en process vars syfte är att kraftsamla inför utmaningarna och hitta en gemensam vision för Norsjöbygden som delas med andra aktörer och medborgare.",
		"I startfasen av Framtidsprogrammet kommer Norsjö kommun att hålla ihop arbetet och göra det möjligt för så många som möjligt att bidra. I ett senare skede kan det komma att vara någon eller några andra som tar rollen att hålla ihop och driva arbetet framåt.",
	].join("\n\n"),
};

export const phases = [
	{ name: "Uppstart", startsOn: "2018-06-01", endsOn: "2018-08-31", description: "Kommunstyrelsen beslutar i juni 2018 att inleda Framtidsprogrammet." },
	{ name: "Inspel från invånarna", startsOn: "2018-09-01", endsOn: "2018-11-30", description: "Omkring 20 % av invånarna deltar i enkäter och framtidsverkstäder och ger inspel till en ny vision." },
	{ name: "Visionsförslag", startsOn: "2018-12-01", endsOn: "2019-01-07", description: "En kommunikationsbyrå formulerar visionsförslag och fokusområden ur det insamlade materialet. Kommunstyrelsen godkänner processen 2019-01-07 § 14." },
	{ name: "Publik omröstning", startsOn: "2019-01-08", endsOn: "2019-01-20", description: "Fem visionsförslag i en rådgivande omröstning, på webben och på papper i kommunhuset." },
	{ name: "Beslut och antagande", startsOn: "2019-02-04", endsOn: "2019-02-28", description: "Kommunfullmäktige antar visionen Världens bästa vardag för Norsjö kommuns räkning. Andra organisationer kan fatta motsvarande beslut." },
	{ name: "Mål inom fokusområdena", startsOn: "2019-03-01", endsOn: "2019-03-31", description: "Kommunfullmäktige fastställer övergripande mål inom fokusområdena; andra aktörer sätter sina egna mål." },
	{ name: "Genomförande och uppföljning", startsOn: "2019-04-01", endsOn: "2030-12-31", description: "Aktörerna arbetar mot visionen och följer upp hur de bidrar, bland annat med nyckeltal ur KKiK." },
];

/** The five proposals of the public vote, exactly as in the protocol. */
export const proposals = [
	{
		number: 1,
		title: "Samlad kraft ger trygghet och utveckling",
		subtext:
			"Norsjöbygden är välmående och går sin egen väg. Med gemensam kraftsamling och stort engagemang skapar vi tillsammans en trygg och hållbar livsmiljö – både nu och för kommande generationer",
	},
	{
		number: 2,
		title: "Hela Norsjöbygden lever och blomstrar",
		subtext: "Engagemang, öppenhet, mod och ny teknik leder oss in på nya vägar och ger oss ständigt nya möjligheter",
	},
	{
		number: 3,
		title: "En plats för fler som tänker nytt och nära",
		subtext:
			"Norsjöbygden är en plats att längta till för fler. En kulturbygd i utveckling som vågar tänka nytt. Ett hem och en besöksanledning för alla som vill komma närmare varandra och naturen.",
	},
	{
		number: 4,
		title: "En plats dit fler längtar att få vara",
		subtext: "En stolt kulturbygd där fler hittar till världens bästa friluftsliv. Norsjöbygden blomstrar, utvecklas och välkomnar nya människor och idéer.",
	},
	{
		number: 5,
		title: "Världens bästa vardag",
		subtext:
			"Norsjöbygden är välmående och i stark utveckling där fler hittar världens bästa vardag. Med öppenhet och mod välkomnar vi besökare, bosättare och etablerare.",
	},
];

/** The vision as adopted, with the subtext amended on Magnus Eriksson's (S) motion. */
export const adoptedVision = {
	proposalNumber: 5,
	title: "Världens bästa vardag",
	subtext:
		"Norsjöbygden är välmående och i stark utveckling där fler hittar världens bästa vardag. Med öppenhet, mod och ny teknik välkomnar vi besökare, bosättare och etablerare.",
	adoptedOn: "2019-02-04",
};

/** The six shared focus areas (KS-19/00111 § 16). */
export const focusAreas = [
	{ name: "Människan i fokus", description: "Hälsa, lärande och delaktighet genom hela livet: varje människa ska kunna växa och känna sig behövd i Norsjöbygden." },
	{ name: "Hög service och gott värdskap", description: "Service som är lätt att nå och ett bemötande som gör att invånare, besökare och företag känner sig välkomna." },
	{ name: "Attrahera, rekrytera och behåll arbetskraft", description: "Arbetsgivare, skola och bygd tillsammans: fler som vill arbeta, bo och stanna i Norsjöbygden." },
	{ name: "Vår miljö", description: "En hållbar livsmiljö med natur, klimat och resurser i fokus – både nu och för kommande generationer." },
	{ name: "En trygg bygd", description: "Trygghet i vardagen, i byarna och på vägarna, byggd av grannar, föreningar, företag och det offentliga tillsammans." },
	{ name: "En rik och attraktiv fritid", description: "Friluftsliv, kultur, idrott och föreningsliv som gör Norsjöbygden till en plats dit fler längtar." },
];

/** The advisory public vote, 8–20 January 2019, in Swedish time. */
export const vote = {
	title: "Publik omröstning om ny vision för Norsjöbygden",
	opensAt: new Date("2019-01-07T23:00:00Z"),
	closesAt: new Date("2019-01-20T23:00:00Z"),
	advisory: true,
	createdAt: new Date("2018-12-10T09:00:00Z"),
};

/** Norsjö kommun's adoption of the vision. */
export const municipalAdoption = { decidedOn: "2019-02-04", body: "Kommunfullmäktige", reference: "KS-18/01483" };

/** Demo accounts; they sign in with a one-time code from the outbox (printed on the console). */
export const demoUsers = [
	{ email: "admin@medskapa.example", name: "Administratör (demo)", isAdministrator: true, membership: null },
	{ email: "samordnare@norsjo.example", name: "Samordnare (demo)", isAdministrator: false, membership: "admin" as const },
];
