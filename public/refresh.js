// Progressive enhancement for a region that shows a background job (marked data-refresh="seconds"): the page is
// fetched again from the same address now and then and the region's parts replaced, until the region comes back
// without data-refresh (the job is done). Its live region (role="status") stays in place and only its text changes,
// so screen readers hear the change once; without JavaScript the region has a link to reload the page.
(() => {
	const live = (region) => region.querySelector(":scope > [role=status]");

	function apply(region, fresh) {
		const status = live(region);
		const freshStatus = live(fresh);
		// Parts that did not change are kept, so focus and anything chosen in them stay.
		const old = [...region.children];
		const next = [...fresh.children].map((child, i) => {
			if (child === freshStatus && status) return status;
			const same = old[i];
			return same && same !== status && same.outerHTML === child.outerHTML ? same : document.adoptNode(child);
		});
		region.replaceChildren(...next);
		if (status && freshStatus && status.innerHTML !== freshStatus.innerHTML) status.innerHTML = freshStatus.innerHTML;
		if (fresh.hasAttribute("data-refresh")) region.setAttribute("data-refresh", fresh.getAttribute("data-refresh"));
		else region.removeAttribute("data-refresh");
	}

	function watch(region) {
		const seconds = Number(region.getAttribute("data-refresh")) || 2;
		setTimeout(async () => {
			try {
				const res = await fetch(location.href, { headers: { accept: "text/html" }, credentials: "same-origin" });
				const fresh = res.ok && new DOMParser().parseFromString(await res.text(), "text/html").getElementById(region.id);
				if (fresh) apply(region, fresh);
			} catch {
				// Offline for a moment: try again at the next turn.
			}
			if (region.hasAttribute("data-refresh")) watch(region);
		}, seconds * 1000);
	}

	document.addEventListener("DOMContentLoaded", () => {
		for (const region of document.querySelectorAll("[data-refresh][id]")) watch(region);
	});
})();
