// Shows a survey question only when the earlier answer it depends on is chosen. Without this script every
// question shows with a note saying when to answer it, and the server ignores answers whose condition is not met.
(() => {
	const form = document.querySelector(".survey-form");
	if (!form) return;
	const dependents = [...form.querySelectorAll("[data-show-if]")];
	const update = () => {
		for (const el of dependents) {
			const chosen = [...form.querySelectorAll(`[name="${el.dataset.showIf}"]:checked`)].map((i) => i.value);
			const parentHidden = el.dataset.showIf && form.querySelector(`[name="${el.dataset.showIf}"]`)?.closest("[hidden]");
			el.hidden = Boolean(parentHidden) || !chosen.includes(el.dataset.showValue);
			const note = el.querySelector(".survey-condition");
			if (note) note.hidden = true;
		}
	};
	form.addEventListener("change", update);
	update();
})();
