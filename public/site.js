// Progressive enhancement for every page, loaded in <head> so the "js" class is set before the first paint:
// on small screens the main menu collapses behind a button; without JavaScript it stays open.
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", () => {
	const toggle = document.querySelector(".menu-toggle");
	const menu = document.getElementById("site-menu");
	if (!toggle || !menu) return;
	toggle.addEventListener("click", () => {
		const open = toggle.getAttribute("aria-expanded") !== "true";
		toggle.setAttribute("aria-expanded", String(open));
		menu.classList.toggle("open", open);
	});
});
