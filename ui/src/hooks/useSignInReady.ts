import { useCallback } from "react";
import { api, type Setup } from "../api";
import { useLoad } from "./useLoad";

/**
 * Whether the setup can sign in yet, which every live check needs: its
 * credentials are in the keychain (TBA, Intacct), it is connected (OAuth 2.0
 * authorization code) or has its certificate (M2M). `null` while asking.
 */
export function useSignInReady(setup: Pick<Setup, "id" | "erp" | "auth_method">): boolean | null {
  const { id, erp, auth_method } = setup;
  const load = useCallback(async () => {
    if (erp === "netsuite" && auth_method === "oauth2-code") return (await api.oauthStatus(id)).connected;
    if (erp === "netsuite" && auth_method === "oauth2-m2m") return (await api.m2mCertificate(id)) !== null;
    const specs = await api.secretSpecs({ erp, auth_method });
    const stored = await Promise.all(specs.map((s) => api.secretExists({ setup_id: id, name: s.name })));
    return stored.every(Boolean);
  }, [id, erp, auth_method]);
  const ready = useLoad(load);
  // If the keychain cannot be asked, offer the check: its own error then says what is wrong.
  return ready.error !== null ? true : ready.data;
}
