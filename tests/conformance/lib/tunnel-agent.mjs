// Sends every `https:` request of this Node process through the conformance
// proxy (CONNECT, then TLS verified against the test CA). Clients that never
// look at proxy settings (node-fetch 2, used by the Intacct SDK) still go
// through Node's global agent, so no client code is changed.

import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import tls from "node:tls";

export function routeHttpsThroughProxy({ proxyPort, caFile }) {
  const ca = fs.readFileSync(caFile);
  class TunnelAgent extends https.Agent {
    createConnection(options, done) {
      const host = options.host ?? options.hostname;
      const port = options.port ?? 443;
      const connect = http.request({
        host: "127.0.0.1",
        port: proxyPort,
        method: "CONNECT",
        path: `${host}:${port}`,
      });
      connect.once("connect", (res, socket) => {
        if (res.statusCode !== 200) {
          socket.destroy();
          done(new Error(`proxy refused CONNECT ${host}:${port} (${res.statusCode})`));
          return;
        }
        done(null, tls.connect({ socket, servername: host, ca }));
      });
      connect.once("error", done);
      connect.end();
    }
  }
  https.globalAgent = new TunnelAgent({ keepAlive: false });
}

// Hosts the proxy forwarded to, in order (its --log file).
export function forwardedHosts(logFile) {
  if (!fs.existsSync(logFile)) return [];
  return fs
    .readFileSync(logFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line).host);
}
