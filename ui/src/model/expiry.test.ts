import { describe, expect, it } from "vitest";
import { expiryState, soonest } from "./expiry";

const now = new Date("2026-11-22T12:00:00Z");

describe("expiry", () => {
  it("flags dates under 30 days and past ones", () => {
    expect(expiryState("2026-12-01T12:00:00Z", now)).toEqual({ kind: "soon", text: "expires in 9 days" });
    expect(expiryState("2027-06-01T00:00:00Z", now).kind).toBe("ok");
    expect(expiryState("2026-11-01T00:00:00Z", now).kind).toBe("expired");
    expect(expiryState("garbage", now).kind).toBe("unknown");
  });

  it("picks the first date to expire", () => {
    const list = [
      { what: "cert", expires_at: "2027-01-01T00:00:00Z" },
      { what: "token", expires_at: "2026-11-29T00:00:00Z" },
      { what: "bad", expires_at: "x" },
    ];
    expect(soonest(list)?.what).toBe("token");
    expect(soonest([])).toBeNull();
  });
});
