import { describe, expect, it } from "vitest";
import { findStep, stepsFor } from "./steps";

const ids = (method: Parameters<typeof stepsFor>[1]) => stepsFor("netsuite", method).map((s) => s.id);

describe("NetSuite steps by sign-in method", () => {
  it("adds the method choice after the profile and the token owner after credentials", () => {
    expect(ids(null)).toEqual([
      "account",
      "profile",
      "auth",
      "features",
      "role",
      "integration",
      "user",
      "credentials",
      "ownership",
      "validate",
      "report",
    ]);
    expect(ids("oauth2-m2m")).toEqual(ids("tba"));
  });

  it("keeps TBA's integration and credentials steps and adapts them for OAuth 2.0", () => {
    expect(findStep("netsuite", "credentials", "tba").kind).toBe("credentials");
    expect(findStep("netsuite", "integration", "tba").kind).toBe("external");
    const code = findStep("netsuite", "credentials", "oauth2-code");
    expect([code.kind, code.title, code.menuPath]).toEqual(["oauth-code", "Connect", null]);
    expect(findStep("netsuite", "integration", "oauth2-code").kind).toBe("integration-record");
    const m2m = findStep("netsuite", "credentials", "oauth2-m2m");
    expect(m2m.kind).toBe("oauth-m2m");
    expect(m2m.menuPath).toContain("OAuth 2.0 Client Credentials (M2M) Setup");
  });

  it("finds the very step object the list holds, so its position can be looked up", () => {
    for (const method of [null, "tba", "oauth2-code", "oauth2-m2m"] as const) {
      const steps = stepsFor("netsuite", method);
      const step = findStep("netsuite", "integration", method);
      expect(steps.indexOf(step)).toBe(5);
    }
  });

  it("leaves Sage Intacct alone", () => {
    expect(stepsFor("intacct", "oauth2-code").map((s) => s.id)).not.toContain("auth");
  });
});
