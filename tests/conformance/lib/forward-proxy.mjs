// A loopback HTTPS proxy that hands each request to Onramp's simulator the way
// Onramp's own transport does: `https://HOST/path?q` becomes `B/HOST/path?q`.
// Clients keep their own URLs, signing and TLS (verified against a throwaway
// test CA), so what they sign and send is what they would send to Sage or Oracle.
//
//   node forward-proxy.mjs --cert C --key K --route intacct.com=B1 --route netsuite.com=B2 [--log F]
// prints `PORT` on stdout once listening on 127.0.0.1.

import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    cert: { type: "string" },
    key: { type: "string" },
    route: { type: "string", multiple: true },
    log: { type: "string" },
  },
});
if (!values.cert || !values.key || !values.route?.length) {
  console.error("usage: forward-proxy.mjs --cert C --key K --route domain=base [--route ...]");
  process.exit(2);
}

// `intacct.com=http://127.0.0.1:1234`: hosts equal to or under the domain go there.
const routes = values.route.map((r) => {
  const at = r.indexOf("=");
  return { domain: r.slice(0, at).toLowerCase(), base: new URL(r.slice(at + 1)) };
});

function upstreamFor(host) {
  const h = host.toLowerCase();
  return routes.find((r) => h === r.domain || h.endsWith(`.${r.domain}`));
}

// One JSON line per forwarded request (no headers or bodies: they carry secrets),
// so a driver can tell which real host a client chose.
function logRequest(entry) {
  if (values.log) fs.appendFileSync(values.log, `${JSON.stringify(entry)}\n`);
}

// Forwards one decrypted request to B/HOST/path, streaming both bodies (B keeps
// its path: the simulator's per-launch secret is its first segment).
function forward(host, req, res) {
  const route = upstreamFor(host);
  if (!route) {
    res.writeHead(502, { "content-type": "text/plain" });
    res.end(`forward-proxy: no simulator serves ${host}`);
    return;
  }
  const headers = { ...req.headers, host: route.base.host };
  delete headers["proxy-connection"];
  const upstream = http.request(
    {
      host: route.base.hostname,
      port: route.base.port,
      method: req.method,
      path: `${route.base.pathname.replace(/\/$/, "")}/${host}${req.url}`,
      headers,
    },
    (up) => {
      logRequest({ method: req.method, host, path: req.url.split("?")[0], status: up.statusCode });
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    },
  );
  upstream.on("error", (e) => {
    res.writeHead(502, { "content-type": "text/plain" });
    res.end(`forward-proxy: ${e.message}`);
  });
  req.pipe(upstream);
}

const tlsServer = https.createServer(
  { cert: fs.readFileSync(values.cert), key: fs.readFileSync(values.key) },
  (req, res) => forward(String(req.headers.host ?? "").replace(/:\d+$/, ""), req, res),
);

const proxy = http.createServer((req, res) => {
  // Plain-HTTP proxying (absolute-form URL): same rewrite, no TLS.
  try {
    const url = new URL(req.url);
    req.url = url.pathname + url.search;
    forward(url.hostname, req, res);
  } catch {
    res.writeHead(400, { "content-type": "text/plain" });
    res.end("forward-proxy: expected an absolute URL or CONNECT");
  }
});

// HTTPS: accept the tunnel, then terminate TLS here with the test certificate.
proxy.on("connect", (req, socket, head) => {
  const host = req.url.replace(/:\d+$/, "");
  if (!upstreamFor(host)) {
    socket.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
    return;
  }
  socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
  if (head?.length) socket.unshift(head);
  tlsServer.emit("connection", socket);
});

proxy.listen(0, "127.0.0.1", () => {
  console.log(proxy.address().port);
});
