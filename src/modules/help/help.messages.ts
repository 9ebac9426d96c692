import type { Messages } from "../../i18n/messages.js";

// Each administration page's two or three sentences (help.page.*) are shown on that page (ui PageHelp) and again in
// the coordinator's guide (/hjalp), under the step of the programme the page belongs to: one text for both.
export const helpMessages: Messages = {
	sv: {
		"help.title": "Samordnarens handledning",
		"help.lead":
			"Så driver du ett framtidsprogram i Medskapa, steg för steg i samma ordning som Norsjö kommuns framtidsprogram gick: från starten via invånarnas inspel, förslagen och omröstningen till beslut, mål och uppföljning. Varje steg länkar till sidorna i administrationen där du gör det.",
		"help.contents": "Stegen",
		"help.pages": "Sidor för det här steget",
		"help.administratorsOnly": "(bara installationens administratörer, från administrationens startsida)",
		"help.signInFirst": "Administrationens sidor kräver att du är inloggad som samordnare eller administratör.",
		"help.step.start": "1. Starta programmet",
		"help.step.start.text":
			"Beslutet att starta (i Norsjö kommunstyrelsen i juni 2018) blir ett program med namn, bygd, tidshorisont och faser. Den organisation som samordnar, oftast kommunen, läggs in som aktör. Ge webbplatsen kommunens namn, logotyp och färger och bjud in dem som ska hjälpa till.",
		"help.step.input": "2. Samla in invånarnas inspel",
		"help.step.input.text":
			"Invånarna ger inspel genom enkäter (webb och papper), framtidsverkstäder i byarna och idéer på webbplatsen. Följ hur många som deltar, var de bor och hur gamla de är, så att ni ser vilka ni ännu inte nått.",
		"help.step.synthesis": "3. Sammanställ inspelen",
		"help.step.synthesis.text":
			"Allt som kommit in samlas som inspel, sorteras i teman och blir underlag för visionsförslag och fokusområden. Varje förslag kan spåras tillbaka till inspelen bakom det.",
		"help.step.vote": "4. Låt invånarna rösta",
		"help.step.vote.text":
			"Förslagen, med rubrik och undertext, läggs ut för en rådgivande omröstning på webben och på papper (i Norsjö 8–20 januari 2019). Resultatet publiceras när omröstningen är stängd.",
		"help.step.decision": "5. För in besluten",
		"help.step.decision.text":
			"Sammanträden, paragrafer, yrkanden och beslut förs in som i protokollet, så att alla kan se hur visionen antogs och vem som ändrade vad (i Norsjö KS 2019-02-04 § 15 och § 16).",
		"help.step.adoption": "6. Aktörer ställer sig bakom visionen",
		"help.step.adoption.text":
			"Andra organisationer – föreningar, företag, myndigheter – registrerar sig, godkänns av dig och för in sina egna beslut om att anta visionen.",
		"help.step.focusAreas": "7. Fokusområden",
		"help.step.focusAreas.text": "De gemensamma fokusområdena (i Norsjö sex stycken) läggs in med beskrivning; varje aktör väljer vilka den verkar inom.",
		"help.step.goals": "8. Mål och samverkan",
		"help.step.goals.text":
			"Aktörerna sätter och äger sina egna mål inom fokusområdena, med delmål och aktiviteter, och hittar andra aktörer med mål i samma område. Målen kan mätas med indikatorer från Kolada.",
		"help.step.followup": "9. Följ upp",
		"help.step.followup.text":
			"I en uppföljningsomgång rapporterar varje aktör hur det går med sina mål; du publicerar rapporten, med diagram och tabeller, när omgången är klar.",
		"help.step.handover": "När någon annan tar över",
		"help.step.handover.text": "Samordningen kan lämnas över till en annan aktör; den nya samordnaren får då administrationen och du lämnar den.",
		"help.more": "Mer i samordnarens handledning.",
		"help.page.admin": "Här samordnar du framtidsprogrammet. Sidorna nedan följer programmets steg; handledningen går igenom dem i ordning.",
		"help.page.programme":
			"Här beskriver du programmet: namn, bygd, invånarantal, tidshorisont och faser. Det du sparar syns direkt på startsidan, där faserna visas som en tidslinje.",
		"help.page.branding":
			"Här ger du webbplatsen kommunens namn, logotyp, favicon och färger. Färgerna kontrolleras mot WCAG AA innan de sparas, så att texten går att läsa; en färg som inte klarar kravet får ett förslag på en mörkare nyans. Ändringarna syns på alla sidor direkt.",
		"help.page.users": "Här ser du vilka som har konton, gör någon till administratör och lägger till eller tar bort medlemskap i aktörer. Den som blir medlem kan sedan arbeta för sin aktör.",
		"help.page.outbox": "Här ser du de e-postmeddelanden webbplatsen har skickat, utan inloggningskoder och andra hemligheter. Använd sidan när någon säger att ett meddelande aldrig kom fram.",
		"help.page.surveys":
			"Här skapar du enkäter, lägger till frågor och öppnar dem för svar; svar på papper förs in här också. När enkäten stängs ser du resultaten med diagram och kan ladda ner dem för Excel.",
		"help.page.workshops":
			"Här lägger du in framtidsverkstäder med tid och plats, så att invånare kan anmäla sig. Efter verkstaden för samtalsledaren in gruppernas anteckningar och antalet deltagare, som då blir inspel.",
		"help.page.ideas": "Här ser du idéer och kommentarer som anmälts eller dolts. Dölj det som bryter mot reglerna med en motivering; det kan återställas.",
		"help.page.participation":
			"Här ser du hur många som deltagit, på vilket sätt, var de bor och hur gamla de är, per aktivitet och per månad. Använd det för att se vilka ni ännu inte nått; siffrorna kan laddas ner för Excel.",
		"help.page.inputs": "Här finns alla inspel från enkäter, verkstäder och idéer på ett ställe. Nästa steg är att sortera dem i teman i analysen.",
		"help.page.analysis": "Här sorterar analytikerna inspelen i teman och kopplar teman till fokusområden och förslag. Det gör att varje förslag kan spåras tillbaka till vad invånarna sa.",
		"help.page.proposals": "Här skriver du visionsförslagen med rubrik och undertext. När de är klara lägger du dem i en omröstning.",
		"help.page.votes":
			"Här skapar du omröstningar, väljer förslag och hur man röstar (koder i brev, e-legitimation, papper) och öppnar dem. När omröstningen stängts publicerar du resultatet.",
		"help.page.decisions": "Här för du in beslutande organ, sammanträden och paragrafer med yrkanden, underlag och beslut, som i protokollet. Besluten visas öppet under Beslut.",
		"help.page.adoptions": "Här för du in att en aktör har antagit visionen, med det beslut som antagandet vilar på. Antagandena visas öppet under visionen.",
		"help.page.handover": "Här lämnar du över samordningen till en annan aktör. Den aktörens administratörer blir samordnare och du lämnar administrationen.",
		"help.page.organisations":
			"Här godkänner du aktörer som registrerat sig och lägger till nya. En godkänd aktör syns öppet och kan anta visionen, sätta mål och samverka.",
		"help.page.focusAreas": "Här lägger du in de gemensamma fokusområdena med beskrivning. Aktörerna sätter sedan sina mål inom dem.",
		"help.page.indicators": "Här väljer du vilka nyckeltal från Kolada som följs och hämtar värdena. Mål och fokusområden kan sedan mätas med dem.",
		"help.page.followup":
			"Här öppnar du en uppföljningsomgång, så att varje aktör rapporterar om sina mål före sista dagen; påminnelser går ut av sig själva. När omgången är klar publicerar du rapporten.",
	},
	en: {
		"help.title": "The coordinator's guide",
		"help.lead":
			"How to run a future programme in Medskapa, step by step in the order Norsjö's future programme went: from the start through residents' input, the proposals and the vote to decisions, goals and follow-up. Each step links to the administration pages where you do it.",
		"help.contents": "The steps",
		"help.pages": "Pages for this step",
		"help.administratorsOnly": "(the installation's administrators only, from the administration's start page)",
		"help.signInFirst": "The administration's pages need you to be signed in as a coordinator or administrator.",
		"help.step.start": "1. Start the programme",
		"help.step.start.text":
			"The decision to start (in Norsjö the municipal executive board's, June 2018) becomes a programme with a name, community, horizon and phases. The organisation that coordinates, usually the municipality, is added as an actor. Give the site the municipality's name, logo and colours, and invite those who will help.",
		"help.step.input": "2. Gather residents' input",
		"help.step.input.text":
			"Residents give input through surveys (web and paper), future workshops in the villages and ideas on the site. Follow how many take part, where they live and how old they are, so you see whom you have not reached yet.",
		"help.step.synthesis": "3. Bring the input together",
		"help.step.synthesis.text":
			"Everything that came in is gathered as input, sorted into themes and becomes the basis for vision proposals and focus areas. Each proposal can be traced back to the input behind it.",
		"help.step.vote": "4. Let residents vote",
		"help.step.vote.text":
			"The proposals, each with a title and subtext, go to an advisory vote on the web and on paper (in Norsjö 8–20 January 2019). The result is published once the vote is closed.",
		"help.step.decision": "5. Record the decisions",
		"help.step.decision.text":
			"Meetings, items, motions and decisions are recorded as in the minutes, so everyone can see how the vision was adopted and who changed what (in Norsjö KS 2019-02-04 § 15 and § 16).",
		"help.step.adoption": "6. Actors stand behind the vision",
		"help.step.adoption.text": "Other organisations – associations, companies, agencies – register, are approved by you and record their own decisions to adopt the vision.",
		"help.step.focusAreas": "7. Focus areas",
		"help.step.focusAreas.text": "The shared focus areas (six in Norsjö) are entered with a description; each actor chooses the ones it works in.",
		"help.step.goals": "8. Goals and collaboration",
		"help.step.goals.text":
			"Actors set and own their goals within the focus areas, with sub-goals and activities, and find other actors with goals in the same area. Goals can be measured with indicators from Kolada.",
		"help.step.followup": "9. Follow up",
		"help.step.followup.text": "In a follow-up round every actor reports how its goals are going; you publish the report, with charts and tables, when the round is done.",
		"help.step.handover": "When someone else takes over",
		"help.step.handover.text": "Coordination can be handed over to another actor; the new coordinator then gets the administration and you leave it.",
		"help.more": "More in the coordinator's guide.",
		"help.page.admin": "This is where you coordinate the future programme. The pages below follow the programme's steps; the guide walks through them in order.",
		"help.page.programme":
			"Here you describe the programme: name, community, population, horizon and phases. What you save shows at once on the start page, where the phases appear as a timeline.",
		"help.page.branding":
			"Here you give the site the municipality's name, logo, favicon and colours. Colours are checked against WCAG AA before they are saved, so text stays readable; a colour that fails gets a darker shade suggested. Changes show on every page at once.",
		"help.page.users": "Here you see who has an account, make someone an administrator and add or remove memberships of actors. A new member can then work for their actor.",
		"help.page.outbox": "Here you see the e-mails the site has sent, without sign-in codes and other secrets. Use it when someone says a message never arrived.",
		"help.page.surveys":
			"Here you create surveys, add questions and open them for answers; paper answers are entered here too. When a survey closes you see its results with charts and can download them for Excel.",
		"help.page.workshops":
			"Here you add future workshops with a time and place, so residents can sign up. After the workshop its facilitator enters the groups' notes and the number of participants, which then become input.",
		"help.page.ideas": "Here you see ideas and comments that were reported or hidden. Hide what breaks the rules, with a reason; it can be restored.",
		"help.page.participation":
			"Here you see how many took part, in which way, where they live and how old they are, per activity and per month. Use it to see whom you have not reached yet; the figures can be downloaded for Excel.",
		"help.page.inputs": "Here is all input from surveys, workshops and ideas in one place. The next step is to sort it into themes in the analysis.",
		"help.page.analysis": "Here analysts sort the input into themes and link themes to focus areas and proposals. That lets every proposal be traced back to what residents said.",
		"help.page.proposals": "Here you write the vision proposals, each with a title and subtext. When they are ready you put them to a vote.",
		"help.page.votes":
			"Here you create votes, choose the proposals and how people vote (codes in letters, e-ID, paper) and open them. Once a vote is closed you publish its result.",
		"help.page.decisions": "Here you record decision bodies, meetings and items with motions, documents and decisions, as in the minutes. Decisions are shown openly under Decisions.",
		"help.page.adoptions": "Here you record that an actor has adopted the vision, with the decision the adoption rests on. Adoptions are shown openly with the vision.",
		"help.page.handover": "Here you hand coordination over to another actor. That actor's administrators become coordinators and you leave the administration.",
		"help.page.organisations": "Here you approve actors that registered and add new ones. An approved actor is shown openly and can adopt the vision, set goals and collaborate.",
		"help.page.focusAreas": "Here you enter the shared focus areas with a description. Actors then set their goals within them.",
		"help.page.indicators": "Here you choose which Kolada indicators are followed and fetch their values. Goals and focus areas can then be measured with them.",
		"help.page.followup":
			"Here you open a follow-up round, so that every actor reports on its goals before the deadline; reminders go out by themselves. When the round is done you publish the report.",
	},
};
