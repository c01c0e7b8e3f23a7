"""The public `netsuite` client (PyPI, pinned in requirements.txt) against
Onramp's simulator.

The client builds https://<account>.suitetalk.api.netsuite.com/... itself and
signs TBA (OAuth 1.0a, HMAC-SHA256, realm = account ID) over that real URL. It
opens an httpx client per request with default settings, so it honours
HTTPS_PROXY and SSL_CERT_FILE: run.sh points those at the conformance proxy and
its test CA, and the proxy forwards https://HOST/path to the simulator as
B/HOST/path. Nothing in the client is patched.

Credentials are the practice values of the built-in netsuite/happy scenario.
"""

import asyncio
import json
import unittest

from netsuite import Config, NetSuite, TokenAuth
from netsuite.exceptions import NetsuiteAPIRequestError

CONSUMER = {
    "consumer_key": "9b21d1785e11cf998e0a12bb47a87e15f3a7d4d51589272db109fd6e147784f2",
    "consumer_secret": "811585bc60095a2a777cf97beb74ec2ed1ed1c4190c91fcb5bb535df718d2d56",
}
PRODUCTION = Config(
    account="1234567",
    auth=TokenAuth(
        **CONSUMER,
        token_id="38549f67703fc6455172327c67d891ab3e76ad3a28a5dc41f035f20052f81f8f",
        token_secret="f4c31efd5c17a6ff434adedb894b8cea4573f40fdd8a0f67e344d516e6298984",
    ),
)
SANDBOX = Config(
    account="1234567_SB1",
    auth=TokenAuth(
        **CONSUMER,
        token_id="f687e45ad1461f69e24602532e29d09c6c3562dd3d102b889b53ba31afd16d7d",
        token_secret="1e59b4d7944ee27856ceb953378a2f7b151cd0420b01208c3d356d2d24fc412d",
    ),
)


def call(config, method, *args, **kwargs):
    api = NetSuite(config).rest_api
    return asyncio.run(getattr(api, method)(*args, **kwargs))


class RestRecords(unittest.TestCase):
    def test_customer_list(self):
        body = call(PRODUCTION, "get", "/record/v1/customer")
        self.assertEqual([item["id"] for item in body["items"]], ["101", "102", "103"])
        self.assertEqual(body["totalResults"], 3)
        self.assertFalse(body["hasMore"])
        self.assertEqual(
            body["items"][0]["links"][0]["href"],
            "https://1234567.suitetalk.api.netsuite.com/services/rest/record/v1/customer/101",
        )

    def test_customer_by_id(self):
        body = call(PRODUCTION, "get", "/record/v1/customer/102")
        self.assertEqual(body["companyName"], "Brightside Ltd")
        self.assertEqual(body["subsidiary"]["id"], "2")

    def test_sandbox_realm_on_its_own_host(self):
        self.assertEqual(
            NetSuite(SANDBOX).rest_api.hostname, "1234567-sb1.suitetalk.api.netsuite.com"
        )
        body = call(SANDBOX, "get", "/record/v1/customer/101")
        self.assertEqual(body["companyName"], "Acme Retail")

    def test_wrong_token_secret_is_refused(self):
        bad = PRODUCTION.model_copy(
            update={"auth": PRODUCTION.auth.model_copy(update={"token_secret": "0" * 64})}
        )
        with self.assertRaises(NetsuiteAPIRequestError) as caught:
            call(bad, "get", "/record/v1/customer")
        self.assertEqual(caught.exception.status_code, 401)
        body = json.loads(caught.exception.response_text)
        self.assertEqual(body["o:errorDetails"][0]["o:errorCode"], "INVALID_LOGIN")

    def test_production_token_on_sandbox_host_is_refused(self):
        mixed = SANDBOX.model_copy(update={"auth": PRODUCTION.auth})
        with self.assertRaises(NetsuiteAPIRequestError) as caught:
            call(mixed, "get", "/record/v1/customer")
        self.assertEqual(caught.exception.status_code, 401)


class SuiteQL(unittest.TestCase):
    def test_transient_query(self):
        body = call(PRODUCTION, "suiteql", "SELECT id, companyname FROM customer", limit=2)
        self.assertEqual(body["count"], 2)
        self.assertEqual(body["totalResults"], 3)
        self.assertTrue(body["hasMore"])
        self.assertEqual(body["items"][0]["companyname"], "Acme Retail")

    def test_sandbox_query(self):
        body = call(SANDBOX, "suiteql", "SELECT id FROM subsidiary")
        self.assertEqual(sorted(row["id"] for row in body["items"]), ["1", "2"])


class MetadataCatalog(unittest.TestCase):
    def test_catalog_lists_records_with_links(self):
        body = call(PRODUCTION, "get", "/record/v1/metadata-catalog")
        names = [item["name"] for item in body["items"]]
        self.assertIn("customer", names)
        customer = body["items"][names.index("customer")]
        self.assertEqual(
            [(link["rel"], link["mediaType"]) for link in customer["links"]],
            [
                ("canonical", "application/json"),
                ("alternate", "application/swagger+json"),
                ("alternate", "application/schema+json"),
            ],
        )

    def test_json_schema_of_a_record(self):
        body = call(PRODUCTION, "jsonschema", "customer")
        self.assertEqual(body["type"], "object")
        self.assertEqual(body["properties"]["companyName"]["type"], "string")
        self.assertIn("companyName", body["x-ns-filterable"])

    def test_openapi_of_selected_records(self):
        body = call(PRODUCTION, "openapi", ["customer", "invoice"])
        self.assertEqual(sorted(body["paths"]), ["/customer", "/invoice"])
        self.assertIn("customer", body["components"]["schemas"])
        self.assertNotIn("subsidiary", body["components"]["schemas"])


if __name__ == "__main__":
    unittest.main()
