import type { Messages } from "../../i18n/messages.js";

// The accessibility statement follows the structure Digg (Myndigheten för digital förvaltning) prescribes
// for public sector statements under lagen (2018:1937) om tillgänglighet till digital offentlig service.
export const pagesMessages: Messages = {
	sv: {
		"start.now": "Det här kan du göra nu",
		"start.survey.open": "Enkät öppen",
		"start.survey.answer": "Svara på enkäten",
		"start.survey.closes": "Stänger {date}",
		"start.survey.none": "Ingen enkät är öppen just nu",
		"start.survey.all": "Se alla enkäter och svaren",
		"start.vote.open": "Omröstning pågår",
		"start.vote.badge": "Omröstning",
		"start.vote.cast": "Rösta",
		"start.vote.daysLeft": "{days} dagar kvar",
		"start.vote.lastDay": "Sista dagen att rösta",
		"start.vote.closes": "Stänger {date}",
		"start.vote.none": "Ingen omröstning pågår just nu",
		"start.vote.vision": "Läs visionen och hur den röstades fram",
		"start.meeting.workshop": "Framtidsverkstad",
		"start.meeting.arena": "Arenamöte",
		"start.meeting.badge": "Träffar",
		"start.meeting.read": "Läs mer om träffen",
		"start.meeting.none": "Ingen träff är inplanerad just nu",
		"start.meeting.all": "Se tidigare framtidsverkstäder",
		"start.decision.badge": "Senaste beslutet",
		"start.decision.title": "{body} § {paragraph}, {title}",
		"start.decision.read": "Läs beslutet",
		"start.goals.badge": "Målen",
		"start.goals.title": "{count} mål i programmet",
		"start.goals.all": "Se alla mål och hur det går",
		"pages.a11y.title": "Tillgänglighet för {site}",
		"pages.a11y.intro":
			"{responsible} står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda webbplatsen. Den här texten beskriver hur webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service, vilka kända tillgänglighetsproblem som finns och hur du kan rapportera brister till oss så att vi kan åtgärda dem.",
		"pages.a11y.responsibleUnknown": "Den organisation som samordnar framtidsprogrammet",
		"pages.a11y.howAccessible": "Hur tillgänglig är webbplatsen?",
		"pages.a11y.howAccessibleText":
			"Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.",
		"pages.a11y.whatCanYouDo": "Vad kan du göra om du inte kan använda delar av webbplatsen?",
		"pages.a11y.whatCanYouDoText":
			"Om du behöver innehåll från webbplatsen i ett annat format, till exempel uppläst eller i en annan form, kan du be om det med formuläret längre ner på sidan. Allt som visas offentligt finns också som öppna data i maskinläsbar form.",
		"pages.a11y.apiLink": "Läs om öppna data (API)",
		"pages.a11y.report": "Rapportera brister i webbplatsens tillgänglighet",
		"pages.a11y.reportText":
			"Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet finns. Rapporten skickas med e-post till webbplatsens administratörer.",
		"pages.a11y.enforcement": "Tillsyn",
		"pages.a11y.enforcementText":
			"Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Myndigheten för digital förvaltning och påtala det.",
		"pages.a11y.enforcementLink": "Anmäl till Myndigheten för digital förvaltning (digg.se)",
		"pages.a11y.technical": "Teknisk information om webbplatsens tillgänglighet",
		"pages.a11y.technicalText":
			"Webbplatsen är delvis förenlig med kraven i standarden EN 301 549, som motsvarar nivå AA i Web Content Accessibility Guidelines (WCAG) version 2.1, på grund av de brister som beskrivs nedan.",
		"pages.a11y.notAccessible": "Innehåll som inte är tillgängligt",
		"pages.a11y.nonCompliance": "Bristande förenlighet med lagkraven",
		"pages.a11y.issue.language":
			"När du har valt engelska visas innehåll som är skrivet på svenska, till exempel namn och beskrivningar, fortfarande på svenska. På några sidor är den texten inte märkt som svenska i koden, så en skärmläsare kan läsa den med engelskt uttal (WCAG 3.1.2).",
		"pages.a11y.issue.assistiveTech":
			"Webbplatsen har ännu inte testats av personer som använder skärmläsare, talstyrning eller andra hjälpmedel. Det kan finnas brister som automatiska tester och vår egen granskning inte hittar.",
		"pages.a11y.issue.admin":
			"Sidorna för administration, som samordnare och aktörer använder, testas automatiskt i mindre omfattning än de publika sidorna och kan ha brister som vi inte känner till.",
		"pages.a11y.issue.timeLimit":
			"Inloggningskoden som skickas med e-post gäller bara en kort tid av säkerhetsskäl. Om tiden gått ut kan du alltid be om en ny kod.",
		"pages.a11y.outOfScope": "Innehåll som inte omfattas av lagstiftningen",
		"pages.a11y.outOfScopeText":
			"Dokument och webbplatser som vi länkar till, till exempel en kommuns protokoll, omfattas av den egna tillgänglighetsredogörelsen hos den organisation som publicerar dem.",
		"pages.a11y.howTested": "Hur vi testat webbplatsen",
		"pages.a11y.howTestedAutomatic":
			"Vi har gjort en självskattning (intern testning) av webbplatsen. Varje publik sida kontrolleras automatiskt med verktyget axe i webbläsaren Chromium varje gång programvaran ändras, mot reglerna för WCAG 2.1 nivå A och AA. Testerna kontrollerar också att varje sida har en huvudrubrik, landmärken, en länk för att hoppa till huvudinnehållet och synligt fokus, och att den går att använda i 320 pixlars bredd utan att sidan behöver rullas i sidled.",
		"pages.a11y.howTestedManual":
			"Utöver de automatiska testerna granskar vi sidorna manuellt: att allt går att använda med enbart tangentbord, med förstoring och utan JavaScript, och att formulär visar tydliga felmeddelanden.",
		"pages.a11y.reviewed": "Senaste bedömningen gjordes den {date}. Redogörelsen uppdaterades senast den {date}.",
		"pages.report.description": "Vad är problemet?",
		"pages.report.descriptionHint": "Beskriv vad du försökte göra och vad som hände.",
		"pages.report.page": "Vilken sida gäller det?",
		"pages.report.pageHint": "Till exempel sidans rubrik eller webbadress.",
		"pages.report.email": "Din e-postadress",
		"pages.report.emailHint":
			"Bara om du vill ha svar. Vi använder adressen enbart för att svara dig om den här rapporten; den skickas till administratörerna tillsammans med rapporten.",
		"pages.report.submit": "Skicka rapporten",
		"pages.report.tooMany": "Du har skickat många rapporter den senaste timmen. Du kan skicka igen från {at}; det du skrev finns kvar.",
		"pages.report.thanksTitle": "Tack för din rapport",
		"pages.report.thanksText":
			"Vi har tagit emot din rapport och skickat den till webbplatsens administratörer. Om du lämnade en e-postadress svarar vi dig där.",
		"pages.report.back": "Tillbaka till tillgänglighetsredogörelsen",
		"pages.report.mail.subject": "Rapport om brist i webbplatsens tillgänglighet",
		"pages.report.mail.body":
			"Någon har rapporterat en brist i webbplatsens tillgänglighet via formuläret på sidan Tillgänglighet.\n\nProblemet:\n{description}\n\nSida: {page}\nSvara till: {email}\n",
		"pages.report.mail.notGiven": "(inte angiven)",
	},
	en: {
		"start.now": "What you can do now",
		"start.survey.open": "Survey open",
		"start.survey.answer": "Answer the survey",
		"start.survey.closes": "Closes {date}",
		"start.survey.none": "No survey is open right now",
		"start.survey.all": "See all surveys and their answers",
		"start.vote.open": "Vote open",
		"start.vote.badge": "Vote",
		"start.vote.cast": "Vote",
		"start.vote.daysLeft": "{days} days left",
		"start.vote.lastDay": "Last day to vote",
		"start.vote.closes": "Closes {date}",
		"start.vote.none": "No vote is open right now",
		"start.vote.vision": "Read the vision and how it was voted for",
		"start.meeting.workshop": "Future workshop",
		"start.meeting.arena": "Arena meeting",
		"start.meeting.badge": "Meetings",
		"start.meeting.read": "Read about the meeting",
		"start.meeting.none": "No meeting is planned right now",
		"start.meeting.all": "See earlier future workshops",
		"start.decision.badge": "Latest decision",
		"start.decision.title": "{body} § {paragraph}, {title}",
		"start.decision.read": "Read the decision",
		"start.goals.badge": "The goals",
		"start.goals.title": "{count} goals in the programme",
		"start.goals.all": "See all goals and how they are doing",
		"pages.a11y.title": "Accessibility of {site}",
		"pages.a11y.intro":
			"{responsible} is responsible for this website. We want as many people as possible to be able to use it. This statement describes how the website meets the Swedish act on accessibility of digital public services, which accessibility problems we know of, and how you can report problems to us so that we can fix them.",
		"pages.a11y.responsibleUnknown": "The organisation that coordinates the future programme",
		"pages.a11y.howAccessible": "How accessible is the website?",
		"pages.a11y.howAccessibleText":
			"The website is partially compliant with the act on accessibility of digital public services, because of the shortcomings described below.",
		"pages.a11y.whatCanYouDo": "What can you do if you cannot use parts of the website?",
		"pages.a11y.whatCanYouDoText":
			"If you need content from the website in another format, for example read aloud or in another form, you can ask for it with the form further down this page. Everything shown publicly is also available as machine-readable open data.",
		"pages.a11y.apiLink": "Read about the open data (API)",
		"pages.a11y.report": "Report accessibility problems",
		"pages.a11y.reportText":
			"We keep working to improve the website's accessibility. If you find problems that are not described on this page, or you think we do not meet the requirements of the law, please tell us so that we know about the problem. Your report is e-mailed to the website's administrators.",
		"pages.a11y.enforcement": "Enforcement procedure",
		"pages.a11y.enforcementText":
			"The Agency for Digital Government (Myndigheten för digital förvaltning, Digg) is responsible for enforcing the act on accessibility of digital public services. If you are not satisfied with how we handle your comments, you can contact the Agency for Digital Government and complain.",
		"pages.a11y.enforcementLink": "Complain to the Agency for Digital Government (digg.se, in Swedish)",
		"pages.a11y.technical": "Technical information about the website's accessibility",
		"pages.a11y.technicalText":
			"The website is partially compliant with the standard EN 301 549, which corresponds to level AA of the Web Content Accessibility Guidelines (WCAG) version 2.1, because of the shortcomings described below.",
		"pages.a11y.notAccessible": "Content that is not accessible",
		"pages.a11y.nonCompliance": "Non-compliance with the requirements",
		"pages.a11y.issue.language":
			"When you have chosen English, content written in Swedish, such as names and descriptions, is still shown in Swedish. On some pages that text is not marked as Swedish in the code, so a screen reader may read it with English pronunciation (WCAG 3.1.2).",
		"pages.a11y.issue.assistiveTech":
			"The website has not yet been tested by people who use screen readers, voice control or other assistive technology. There may be problems that automated tests and our own review do not find.",
		"pages.a11y.issue.admin":
			"The administration pages, used by coordinators and actors, are tested automatically to a lesser extent than the public pages and may have problems we do not know of.",
		"pages.a11y.issue.timeLimit":
			"The sign-in code sent by e-mail is valid only for a short time, for security. If it has expired you can always ask for a new code.",
		"pages.a11y.outOfScope": "Content that is not within the scope of the law",
		"pages.a11y.outOfScopeText":
			"Documents and websites we link to, such as a municipality's minutes, are covered by the accessibility statement of the organisation that publishes them.",
		"pages.a11y.howTested": "How we tested the website",
		"pages.a11y.howTestedAutomatic":
			"We have made a self-assessment (internal testing) of the website. Every public page is checked automatically with the axe tool in the Chromium browser each time the software changes, against the rules for WCAG 2.1 level A and AA. The tests also check that each page has a main heading, landmarks, a link to skip to the main content and visible focus, and that it can be used at a width of 320 pixels without scrolling sideways.",
		"pages.a11y.howTestedManual":
			"In addition to the automated tests we review the pages manually: that everything can be used with the keyboard alone, with magnification and without JavaScript, and that forms show clear error messages.",
		"pages.a11y.reviewed": "The latest assessment was made on {date}. The statement was last updated on {date}.",
		"pages.report.description": "What is the problem?",
		"pages.report.descriptionHint": "Describe what you were trying to do and what happened.",
		"pages.report.page": "Which page is it about?",
		"pages.report.pageHint": "For example the page's heading or web address.",
		"pages.report.email": "Your e-mail address",
		"pages.report.emailHint":
			"Only if you want a reply. We use the address only to answer you about this report; it is sent to the administrators together with the report.",
		"pages.report.submit": "Send the report",
		"pages.report.tooMany": "You have sent many reports in the last hour. You can send again from {at}; what you wrote is kept.",
		"pages.report.thanksTitle": "Thank you for your report",
		"pages.report.thanksText":
			"We have received your report and sent it to the website's administrators. If you left an e-mail address, we will answer you there.",
		"pages.report.back": "Back to the accessibility statement",
		"pages.report.mail.subject": "Report of an accessibility problem on the website",
		"pages.report.mail.body":
			"Someone has reported an accessibility problem with the form on the Accessibility page.\n\nThe problem:\n{description}\n\nPage: {page}\nReply to: {email}\n",
		"pages.report.mail.notGiven": "(not given)",
	},
};
