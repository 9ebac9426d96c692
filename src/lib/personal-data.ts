// What each module keeps about a person, registered when the app is assembled (src/contributions.ts), so that the
// account's data download and deletion reach every module without accounts importing the modules that come after it.
import type { Db } from "../db/client.js";

/** The person whose data is downloaded or erased. */
export type Person = { id: string; email: string };

/** A module's part: what it adds to the person's download (top-level keys of the file), and how it forgets them. */
export type PersonalData = {
	download?: (db: Db, person: Person) => Promise<Record<string, unknown>>;
	/** Runs inside the deletion's transaction, before the account itself goes. */
	erase?: (tx: Db, person: Person) => Promise<void>;
};

// By module name, in the order of registration: registering again (another app in the same process) replaces.
const parts = new Map<string, PersonalData>();

export function registerPersonalData(module: string, part: PersonalData): void {
	parts.set(module, part);
}

/** Every module's part of a person's download, merged in the order the modules registered. */
export async function downloadPersonalData(db: Db, person: Person): Promise<Record<string, unknown>> {
	const downloads = await Promise.all([...parts.values()].map((p) => p.download?.(db, person) ?? {}));
	return Object.assign({}, ...downloads);
}

/** Every module forgets the person, one after the other in the order they registered (all in the caller's transaction). */
export async function erasePersonalData(tx: Db, person: Person): Promise<void> {
	for (const part of parts.values()) await part.erase?.(tx, person);
}
