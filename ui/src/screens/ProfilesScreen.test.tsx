import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ConnectorProfile, ProfileIssue } from "../api";
import { mockBackend } from "../test/backend";
import { ProfilesScreen } from "./ProfilesScreen";

const builtin: ConnectorProfile = {
  schema_version: 1,
  id: "netsuite-zuora-billing",
  name: "Billing",
  description: "d",
  erp: "netsuite",
  builtin: true,
  netsuite: {
    auth_methods: ["tba"],
    features: [{ id: "REST_WEB_SERVICES", name: "REST Web Services" }],
    permissions: [{ id: "LIST_CURRENCY", name: "Currency", group: "Lists", level: "view" }],
  },
};

describe("ProfilesScreen", () => {
  it("keeps built-in profiles read-only, and saves an edited copy only once it is valid", async () => {
    let saved: ConnectorProfile | null = null;
    const backend = mockBackend({
      list_profiles: () => (saved === null ? [builtin] : [builtin, saved]),
      default_export_dir: () => "/x",
      check_connector_profile: (a): ProfileIssue[] => {
        const p = a.profile as ConnectorProfile;
        return p.netsuite?.permissions.some((x) => x.id === "") === true
          ? [{ field: "netsuite.permissions[1].id", message: "is empty" }]
          : [];
      },
      save_connector_profile: (a) => {
        saved = a.profile as ConnectorProfile;
        return saved;
      },
    });
    render(<ProfilesScreen onHome={() => undefined} />);
    await screen.findByText("Billing", { selector: ".setup-label" });
    const item = screen.getByTestId("profile-list").querySelector<HTMLElement>('[data-profile-id="netsuite-zuora-billing"]');
    if (item === null) throw new Error("the built-in profile is listed");
    expect(item).toHaveTextContent("Built-in (read-only)");
    expect(within(item).queryByRole("button", { name: /^Edit/ })).toBeNull();
    expect(within(item).queryByRole("button", { name: /^Delete/ })).toBeNull();

    const user = userEvent.setup();
    await user.click(within(item).getByRole("button", { name: "Copy Billing" }));
    expect(screen.getByTestId("profile-id")).toHaveValue("netsuite-zuora-billing-copy");
    await user.click(screen.getByRole("checkbox", { name: "OAuth 2.0 (authorization code)" }));
    await user.click(screen.getByRole("button", { name: "Add a permission" }));
    expect(await screen.findByTestId("profile-issues")).toHaveTextContent("netsuite.permissions[1].id");
    expect(screen.getByTestId("profile-save")).toBeDisabled();

    const [, added] = screen.getAllByRole("textbox", { name: "Permission id" });
    if (added === undefined) throw new Error("a second permission row");
    await user.type(added, "LIST_ITEM");
    await waitFor(() => expect(screen.getByTestId("profile-save")).toBeEnabled());
    await user.click(screen.getByTestId("profile-save"));
    await waitFor(() => expect(backend.callsTo("save_connector_profile")).toHaveLength(1));
    const sent = backend.callsTo("save_connector_profile")[0]?.profile as ConnectorProfile;
    expect(sent.builtin).toBe(false);
    expect(sent.netsuite?.permissions.map((p) => p.id)).toEqual(["LIST_CURRENCY", "LIST_ITEM"]);
    expect(sent.netsuite?.auth_methods).toEqual(["oauth2-code", "tba"]);
    expect(await screen.findByText("Billing (copy)", { selector: ".setup-label" })).toBeInTheDocument();
  });
});
