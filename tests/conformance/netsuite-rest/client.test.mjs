// The netsuite-rest npm client (pinned in package.json): TBA signed by the
// oauth-1.0a library with HMAC-SHA256 over the real URL it builds,
// https://<realm, lowercased, _ to ->.suitetalk.api.netsuite.com/services/rest/…,
// sent with got, which uses Node's global HTTPS agent; ../lib/tunnel-agent.mjs
// routes that agent through the conformance proxy. The client is not changed.
//
// Credentials are the practice values of the built-in netsuite/happy scenario.

import assert from "node:assert/strict";
import { test } from "node:test";

import NetsuiteRest from "netsuite-rest";

import { routeHttpsThroughProxy } from "../lib/tunnel-agent.mjs";

routeHttpsThroughProxy({
  proxyPort: Number(process.env.CONF_PROXY_PORT),
  caFile: process.env.CONF_CA_FILE,
});

const CONSUMER = {
  consumer_key: "9b21d1785e11cf998e0a12bb47a87e15f3a7d4d51589272db109fd6e147784f2",
  consumer_secret_key: "811585bc60095a2a777cf97beb74ec2ed1ed1c4190c91fcb5bb535df718d2d56",
};
const production = (overrides = {}) =>
  new NetsuiteRest({
    ...CONSUMER,
    token: "38549f67703fc6455172327c67d891ab3e76ad3a28a5dc41f035f20052f81f8f",
    token_secret: "f4c31efd5c17a6ff434adedb894b8cea4573f40fdd8a0f67e344d516e6298984",
    realm: "1234567",
    ...overrides,
  });
const sandbox = () =>
  new NetsuiteRest({
    ...CONSUMER,
    token: "f687e45ad1461f69e24602532e29d09c6c3562dd3d102b889b53ba31afd16d7d",
    token_secret: "1e59b4d7944ee27856ceb953378a2f7b151cd0420b01208c3d356d2d24fc412d",
    realm: "1234567_SB1",
  });

test("record list with paging parameters in the signed URL", async () => {
  const r = await production().request({ path: "record/v1/customer?limit=2&offset=2" });
  assert.equal(r.statusCode, 200);
  assert.deepEqual(
    r.data.items.map((i) => i.id),
    ["103"],
  );
  assert.equal(r.data.offset, 2);
  assert.equal(r.data.totalResults, 3);
  assert.equal(r.data.hasMore, false);
});

test("an offset that is not a multiple of the limit: 400 INVALID_PARAMETER", async () => {
  await assert.rejects(
    production().request({ path: "record/v1/customer?limit=2&offset=1" }),
    (e) => {
      assert.equal(e.response.statusCode, 400);
      const body = JSON.parse(e.response.body);
      assert.equal(body["o:errorDetails"][0]["o:errorCode"], "INVALID_PARAMETER");
      return true;
    },
  );
});

test("a record by ID on the sandbox realm's host", async () => {
  const r = await sandbox().request({ path: "record/v1/subsidiary/2" });
  assert.equal(r.statusCode, 200);
  assert.equal(r.data.name, "Wolfe Electronics UK");
});

test("SuiteQL with Prefer: transient", async () => {
  const r = await production().request({
    path: "query/v1/suiteql?limit=5",
    method: "POST",
    body: JSON.stringify({ q: "SELECT id, companyname FROM customer WHERE id = 102" }),
  });
  assert.equal(r.statusCode, 200);
  assert.equal(r.data.count, 1);
  assert.equal(r.data.items[0].companyname, "Brightside Ltd");
});

test("a record's JSON Schema from the metadata catalog", async () => {
  const r = await production().request({
    path: "record/v1/metadata-catalog/invoice",
    heads: { Accept: "application/schema+json" },
  });
  assert.equal(r.statusCode, 200);
  assert.equal(r.data.type, "object");
  assert.equal(r.data.properties.tranId.type, "string");
});

test("a token secret that does not match is refused as INVALID_LOGIN", async () => {
  await assert.rejects(
    production({ token_secret: "0".repeat(64) }).request({ path: "record/v1/customer" }),
    (e) => {
      assert.equal(e.response.statusCode, 401);
      const body = JSON.parse(e.response.body);
      assert.equal(body["o:errorDetails"][0]["o:errorCode"], "INVALID_LOGIN");
      return true;
    },
  );
});
