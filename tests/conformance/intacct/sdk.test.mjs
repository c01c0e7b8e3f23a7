// Sage's official Intacct SDK (@intacct/intacct-sdk, pinned in package.json)
// against Onramp's simulator. The SDK keeps its own endpoint URLs: it refuses
// any endpoint host outside *.intacct.com (Credentials/Endpoint.js
// isDomainValid), so it cannot be pointed at 127.0.0.1; its HTTPS goes through
// the conformance proxy instead (see ../lib), which is exactly the transport
// rewrite Onramp itself uses: https://HOST/path -> simulator/HOST/path.
//
// Credentials are the practice values of ../scenarios/intacct.toml (and of
// intacct-gateway401.toml, the same company behind the newer gateway).

import assert from "node:assert/strict";
import { test } from "node:test";

import * as IA from "@intacct/intacct-sdk";

import { forwardedHosts, routeHttpsThroughProxy } from "../lib/tunnel-agent.mjs";

const PROXY_LOG = process.env.CONF_PROXY_LOG;
const SIM = process.env.CONF_INTACCT_SIM;
const throughProxy = (port) =>
  routeHttpsThroughProxy({ proxyPort: Number(port), caFile: process.env.CONF_CA_FILE });
throughProxy(process.env.CONF_PROXY_PORT);

const SENDER = { senderId: "onramp_practice", senderPassword: "Practice-Sender-2026!" };
const USER = {
  companyId: "onramp-practice",
  entityId: "US",
  userId: "xml_onramp",
  userPassword: "Practice-User-2026!",
};
const POD_ENDPOINT = "https://na12.intacct.com/ia/xml/xmlgw.phtml";

function config(overrides = {}) {
  return Object.assign(new IA.ClientConfig(), SENDER, USER, overrides);
}

async function run(client, fn) {
  const response = await client.execute(fn);
  const result = response.getResult();
  result.ensureStatusSuccess();
  return { response, result };
}

// The error the SDK throws, with Sage's error list on it.
async function refusal(cfg) {
  const fn = new IA.Functions.Common.ReadByQuery();
  fn.objectName = "GLACCOUNT";
  try {
    await new IA.OnlineClient(cfg).execute(fn);
  } catch (e) {
    assert.ok(e instanceof IA.Exceptions.ResponseException, `unexpected ${e}`);
    return e;
  }
  return assert.fail("the SDK accepted the sign-in");
}

test("sign-in with sender and user credentials, then readByQuery", async () => {
  const client = new IA.OnlineClient(config());
  const fn = new IA.Functions.Common.ReadByQuery();
  fn.objectName = "GLACCOUNT";
  fn.fields = ["RECORDNO", "ACCOUNTNO", "TITLE"];
  fn.pageSize = 2;
  const { response, result } = await run(client, fn);
  assert.equal(response.control.status, "success");
  assert.equal(response.authentication.status, "success");
  assert.equal(response.authentication.userId, "xml_onramp");
  assert.equal(response.authentication.companyId, "onramp-practice");
  assert.equal(result.functionName, "readByQuery");
  assert.equal(result.listType, "glaccount");
  assert.equal(result.totalCount, 3);
  assert.equal(result.count, 2);
  assert.equal(result.numRemaining, 1);
  assert.ok(result.resultId, "a resultId to read the rest with readMore");
  assert.deepEqual(
    result.data.map((row) => row.ACCOUNTNO),
    ["1000", "1200"],
  );
  // …and the rest of the result set with readMore.
  const more = new IA.Functions.Common.ReadMore();
  more.resultId = result.resultId;
  const rest = await run(client, more);
  assert.deepEqual(
    rest.result.data.map((row) => row.ACCOUNTNO),
    ["4000"],
  );
  assert.equal(rest.result.numRemaining, 0);
});

test("readByQuery with a condition from the SDK's comparison builders", async () => {
  const { Comparison, Logical } = IA.Functions.Common.Query;
  const above = new Comparison.GreaterThan.GreaterThanInteger();
  above.field = "ACCOUNTNO";
  above.value = 1100;
  const titled = new Comparison.Like.LikeString();
  titled.field = "TITLE";
  titled.value = "Rev%";
  const listed = new Comparison.InArray.InArrayString();
  listed.field = "ACCOUNTTYPE";
  listed.valuesList = ["balancesheet"];
  const either = new Logical.OrCondition();
  either.conditions = [titled, listed];
  const both = new Logical.AndCondition();
  both.conditions = [above, either];

  const fn = new IA.Functions.Common.ReadByQuery();
  fn.objectName = "GLACCOUNT";
  fn.fields = ["ACCOUNTNO"];
  fn.query = both;
  const { result } = await run(new IA.OnlineClient(config()), fn);
  assert.equal(result.totalCount, 2, both.toString());
  assert.deepEqual(
    result.data.map((row) => row.ACCOUNTNO),
    ["1200", "4000"],
  );
});

test("query with a select list", async () => {
  const client = new IA.OnlineClient(config());
  const select = new IA.Functions.Common.NewQuery.QuerySelect.SelectBuilder()
    .addFields(["ACCOUNTNO", "TITLE"]).selects;
  const fn = new IA.Functions.Common.NewQuery.Query()
    .assignFromObject("GLACCOUNT")
    .assignSelectFields(select)
    .assignPageSize(100);
  const { result } = await run(client, fn);
  assert.equal(result.functionName, "query");
  assert.equal(result.listType, "GLACCOUNT");
  assert.equal(result.totalCount, 3);
  assert.equal(result.count, 3);
  assert.deepEqual(
    result.data.map((row) => row.TITLE),
    ["Cash", "Accounts Receivable", "Revenue"],
  );
});

test("query with the SDK's filter and order builders", async () => {
  const client = new IA.OnlineClient(config());
  const { Filter, AndOperator, OrOperator } = IA.Functions.Common.NewQuery.QueryFilter;
  const select = new IA.Functions.Common.NewQuery.QuerySelect.SelectBuilder()
    .addFields(["ACCOUNTNO", "TITLE"]).selects;
  const filter = new AndOperator([
    new Filter("ACCOUNTNO").greaterThan("999"),
    new OrOperator([
      new Filter("TITLE").like("%receivable"),
      new Filter("ACCOUNTTYPE").in(["incomestatement"]),
    ]),
  ]);
  const order = new IA.Functions.Common.NewQuery.QueryOrderBy.OrderBuilder()
    .addDescending("ACCOUNTNO").orders;
  const fn = new IA.Functions.Common.NewQuery.Query()
    .assignFromObject("GLACCOUNT")
    .assignSelectFields(select)
    .assignFilter(filter)
    .assignOrderBy(order)
    .assignCaseInsensitive(true);
  const { result } = await run(client, fn);
  assert.equal(result.totalCount, 2);
  assert.deepEqual(
    result.data.map((row) => row.ACCOUNTNO),
    ["4000", "1200"],
  );
  // Case matters unless the query says otherwise.
  fn.assignCaseInsensitive(false);
  const strict = await run(client, fn);
  assert.deepEqual(
    strict.result.data.map((row) => row.ACCOUNTNO),
    ["4000"],
  );
});

test("inspect lists an object's fields and every object", async () => {
  const client = new IA.OnlineClient(config());
  const one = new IA.Functions.Common.Inspect();
  one.objectName = "GLACCOUNT";
  const { result } = await run(client, one);
  assert.equal(result.functionName, "inspect");
  const fields = result.data[0].Fields.Field;
  assert.ok(fields.includes("ACCOUNTNO") && fields.includes("TITLE"), `fields: ${fields}`);

  const all = new IA.Functions.Common.Inspect();
  all.objectName = "*";
  const listed = await run(client, all);
  const names = listed.result.data.map((t) => t.$?.typename ?? t._ ?? t);
  assert.ok(names.includes("GLACCOUNT"), `objects: ${JSON.stringify(names)}`);
});

test("a session from getAPISession is reused at the endpoint it names", async () => {
  const session = await IA.SessionProvider.factory(config());
  assert.equal(session.endpointUrl, POD_ENDPOINT);
  assert.ok(session.sessionId.length > 10, "a session id");
  assert.equal(session.entityId, "US");
  assert.equal(session.companyId, "onramp-practice");
  assert.ok(session.sessionTimeout > session.sessionTimestamp, "the session expires later");

  const before = forwardedHosts(PROXY_LOG).length;
  const client = new IA.OnlineClient(session);
  const fn = new IA.Functions.Common.ReadByQuery();
  fn.objectName = "LOCATIONENTITY";
  const { response, result } = await run(client, fn);
  assert.equal(response.authentication.userId, "xml_onramp");
  assert.deepEqual(
    result.data.map((row) => row.LOCATIONID),
    ["US", "EU"],
  );
  // The SDK followed the returned endpoint: the session call went to the pod.
  assert.deepEqual(forwardedHosts(PROXY_LOG).slice(before), ["na12.intacct.com"]);
});

test("a session for another entity, asked for with the current session", async () => {
  const us = await IA.SessionProvider.factory(config());
  const eu = await IA.SessionProvider.factory(Object.assign(us, { entityId: "EU" }));
  assert.equal(eu.entityId, "EU");
  assert.equal(eu.endpointUrl, POD_ENDPOINT);
  const fn = new IA.Functions.Common.ReadByQuery();
  fn.objectName = "GLACCOUNT";
  const { response } = await run(new IA.OnlineClient(eu), fn);
  assert.equal(response.authentication.entityId, "EU");
});

test("the endpoint override: any *.intacct.com URL, never a loopback one", async () => {
  const before = forwardedHosts(PROXY_LOG).length;
  const fn = new IA.Functions.Common.ReadByQuery();
  fn.objectName = "GLACCOUNT";
  await run(new IA.OnlineClient(config({ endpointUrl: POD_ENDPOINT })), fn);
  assert.deepEqual(forwardedHosts(PROXY_LOG).slice(before), ["na12.intacct.com"]);
  // Why the simulator is reached through a proxy and not by URL.
  assert.throws(
    () => new IA.OnlineClient(config({ endpointUrl: "http://127.0.0.1:9/api.intacct.com/ia/xml/xmlgw.phtml" })),
    /Endpoint URL is not a valid intacct.com domain name/,
  );
});

test("wrong sender password: control-layer XL03000006", async () => {
  const e = await refusal(config({ senderPassword: "not-the-password" }));
  assert.match(e.message, /^Response control status failure/);
  assert.deepEqual(e.errors, ["XL03000006 Incorrect Intacct XML Partner ID or password."]);
});

test("sender the company never authorised: authentication-layer error", async () => {
  const e = await refusal(config({ senderId: "acme_sync", senderPassword: "Acme-Sender-2026!" }));
  assert.match(e.message, /^Response authentication status failure/);
  assert.deepEqual(e.errors, [
    "XL03000006 Invalid Web Services Authorization " +
      "The sender ID 'acme_sync' is not authorized to make Web Services requests to company ID 'onramp-practice'. " +
      "Contact the company administrator to grant Web Services authorization to this sender ID.",
  ]);
});

test("wrong user password: authentication-layer XL03000006", async () => {
  const e = await refusal(config({ userPassword: "not-the-password" }));
  assert.match(e.message, /^Response authentication status failure/);
  assert.deepEqual(e.errors, ["XL03000006 Sign-in information is incorrect"]);
});

test("an object the role may not list: result-layer PL04000005", async () => {
  const fn = new IA.Functions.Common.ReadByQuery();
  fn.objectName = "CHECKINGACCOUNT";
  await assert.rejects(new IA.OnlineClient(config()).execute(fn), (e) => {
    assert.ok(e instanceof IA.Exceptions.ResultException, `unexpected ${e}`);
    assert.equal(e.errors.length, 1);
    assert.match(
      e.errors[0],
      /^PL04000005 You do not have permission for API operation READ_BY_QUERY on objects of type checkingaccount \[Support ID: \S+\]$/,
    );
    return true;
  });
});

test("a transaction with a failing function is rolled back (XL03000009)", async () => {
  const good = new IA.Functions.Common.ReadByQuery();
  good.objectName = "GLACCOUNT";
  const bad = new IA.Functions.Common.ReadByQuery();
  bad.objectName = "BADOBJECT";
  const requestConfig = new IA.RequestConfig();
  requestConfig.transaction = true;
  const response = await new IA.OnlineClient(config()).executeBatch([good, bad], requestConfig);
  const rolledBack =
    "XL03000009 The entire transaction in this operation has been rolled back due to an error.";
  assert.deepEqual(
    response.results.map((r) => [r.status, r.errors]),
    [
      ["aborted", [rolledBack]],
      ["aborted", ["Query Failed Object definition BADOBJECT not found", rolledBack]],
    ],
  );
});

test("an expired session: authentication-layer XL03000006 Invalid session", async () => {
  const session = await IA.SessionProvider.factory(config());
  const expired = await fetch(`${SIM}/__sim/intacct/sessions/expire`, { method: "POST" });
  assert.equal(expired.status, 200);
  const fn = new IA.Functions.Common.ReadByQuery();
  fn.objectName = "GLACCOUNT";
  await assert.rejects(new IA.OnlineClient(session).execute(fn), (e) => {
    assert.ok(e instanceof IA.Exceptions.ResponseException, `unexpected ${e}`);
    assert.match(e.message, /^Response authentication status failure/);
    assert.deepEqual(e.errors, ["XL03000006 Invalid session"]);
    return true;
  });
});

test("the SDK's UserUpdate sets a Web Services user inactive; its sign-in is refused", async () => {
  const retired = { userId: "retired_sync", userPassword: "Retired-Sync-2026!" };
  const read = new IA.Functions.Common.ReadByQuery();
  read.objectName = "GLACCOUNT";
  await run(new IA.OnlineClient(config(retired)), read);
  const admin = config({ userId: "admin_jane", userPassword: "Practice-Admin-2026!" });
  const fn = new IA.Functions.Company.UserUpdate();
  fn.userId = "retired_sync";
  fn.active = false;
  const { result } = await run(new IA.OnlineClient(admin), fn);
  assert.equal(result.functionName, "update");
  assert.equal(result.listType, "objects");
  assert.equal(result.count, 1);
  assert.equal(result.data[0].LOGINID, "retired_sync");
  assert.ok(Number(result.data[0].RECORDNO) > 0);
  const e = await refusal(config(retired));
  assert.match(e.message, /^Response authentication status failure/);
  assert.equal(e.errors.length, 1);
  assert.match(e.errors[0], /^XL03000006 .*inactive/);
});

test("a company ID Sage does not know: HTTP 400 GW-0011", async () => {
  const e = await refusal(config({ companyId: "onramp-practise" }));
  assert.match(e.message, /^Response control status failure/);
  assert.equal(e.errors.length, 1);
  assert.match(e.errors[0], /^GW-0011 Invalid Request \[Request ID: \S+\]$/);
});

test("newer gateway, wrong user password: HTTP 401 XMLGW_JPP0002", async () => {
  throughProxy(process.env.CONF_PROXY_GATEWAY401_PORT);
  try {
    const e = await refusal(config({ userPassword: "not-the-password" }));
    assert.match(e.message, /^Response control status failure/);
    assert.deepEqual(e.errors, [
      "XMLGW_JPP0002 Sign-in information is incorrect. Please check your request.",
    ]);
  } finally {
    throughProxy(process.env.CONF_PROXY_PORT);
  }
});
