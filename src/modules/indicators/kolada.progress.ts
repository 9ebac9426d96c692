// How `medskapa kolada sync` shows its progress: one rewritten line on a terminal, plain lines in a log.
import type { SyncProgress } from "./kolada.sync.js";

/** A progress printer for a stream: a counter line rewritten in place on a TTY, one line per indicator otherwise. */
export function progressPrinter(out: { isTTY?: boolean; write(s: string): unknown }): SyncProgress {
	return (done, total, i) => {
		const line = `${done}/${total} ${i.kpi} ${i.title}${i.error ? `: FAILED (${i.error})` : ""}`;
		if (!out.isTTY) out.write(`${line}\n`);
		else if (i.error) out.write(`\r\x1b[K${line}\n`);
		else out.write(`\r\x1b[K${line}${done === total ? "\n" : ""}`);
	};
}
