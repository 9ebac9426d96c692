// Only the route that takes a file parses multipart: any other answers 415 to an upload at once, without reading it.
import assert from "node:assert/strict";
import { connect } from "node:net";
import { after, test } from "node:test";
import { testApp } from "../../../test/helpers.js";

const { app } = await testApp();
await app.listen({ port: 0, host: "127.0.0.1" });
after(() => app.close());
const { port } = app.server.address() as { port: number };

/** Sends only the headers of a 2 MB multipart upload and gives the first answer the server writes. */
function announceUpload(path: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = connect(port, "127.0.0.1", () => {
			socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: ${2 * 1024 * 1024}\r\n\r\n`);
		});
		socket.setTimeout(2000, () => {
			socket.destroy();
			resolve("(no answer before the body)");
		});
		socket.once("data", (data) => {
			socket.destroy();
			resolve(String(data));
		});
		socket.once("error", reject);
	});
}

test("an anonymous multipart POST to a route that takes no file is refused with 415 before its body is sent", async () => {
	for (const path of ["/sign-in", "/tillganglighet", "/admin/beslut/paragrafer/00000000-0000-4000-8000-000000000000/underlag"]) {
		assert.match(await announceUpload(path), /^HTTP\/1\.1 415 /, path);
	}
});

test("the upload route itself reads the upload", async () => {
	assert.equal(await announceUpload("/admin/beslut/paragrafer/00000000-0000-4000-8000-000000000000/fil"), "(no answer before the body)");
});
