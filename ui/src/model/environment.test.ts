import { describe, expect, it } from "vitest";
import { cleanInput, deriveEnvironment, netSuiteAccountProblem, normaliseNetSuiteAccount } from "./environment";

describe("deriveEnvironment", () => {
  it.each([
    ["1234567", "production"],
    ["1234567_SB1", "sandbox"],
    ["1234567_sb2", "sandbox"],
    ["1234567-sb1", "sandbox"],
    ["TSTDRV840553", "test_drive"],
    ["tstdrv840553", "test_drive"],
    ["1234567_RP", "release_preview"],
    [" 1234567_SB1\n", "sandbox"],
  ] as const)("NetSuite %j is %s", (id, env) => {
    expect(deriveEnvironment("netsuite", id)).toBe(env);
  });

  it("treats every Intacct company as production: the ID alone cannot tell", () => {
    expect(deriveEnvironment("intacct", "acme_SB1")).toBe("production");
  });
});

describe("account ID input", () => {
  it("normalises the host form and stray whitespace to the realm", () => {
    expect(normaliseNetSuiteAccount("\u00a0123456-sb1 \t")).toBe("123456_SB1");
  });

  it("names malformed IDs in plain words and accepts good ones", () => {
    expect(netSuiteAccountProblem("")).toBe("Enter the account ID.");
    expect(netSuiteAccountProblem("https://123456.app.netsuite.com")).toMatch(/look like 1234567/);
    expect(netSuiteAccountProblem("123456_SBX")).not.toBeNull();
    expect(netSuiteAccountProblem("123456_SB1")).toBeNull();
  });

  it("collapses pasted whitespace in free text", () => {
    expect(cleanInput("  Acme \n billing\u200b ")).toBe("Acme billing");
  });
});
