import type { KeychainStatus } from "../api";
import { DiagnosisPanel } from "./DiagnosisPanel";

/** No keychain means no credentials can be stored: say why and how to get one. */
export function KeychainBanner({ status }: { status: KeychainStatus }) {
  return (
    <div className="banner warning" role="alert" data-testid="keychain-banner">
      <DiagnosisPanel
        title="Your system keychain is not available"
        tone="warning"
        diagnosis={{
          cause:
            status.message ??
            "Onramp keeps credentials only in the system keychain, and none answered. Nothing secret is ever written to disk instead.",
          fix: "Install and start a keychain (on Linux: GNOME Keyring or KWallet, e.g. sudo apt install gnome-keyring), unlock it, then restart Onramp. You can still prepare setups and use Practice mode meanwhile.",
          where: "Your desktop's Passwords and Keys settings",
        }}
      />
    </div>
  );
}
