import type { StoreRecovery } from "../api";
import { CopyButton } from "./CopyButton";

/** The settings file could not be read: it was kept aside and the app started fresh. */
export function StoreRecoveryBanner({ recovery }: { recovery: StoreRecovery }) {
  return (
    <section className="banner info" role="status" data-testid="store-recovery" aria-labelledby="store-recovery-title">
      <h2 id="store-recovery-title">Onramp started with a fresh list of setups</h2>
      <p>
        The file with your saved setups could not be read ({recovery.reason}). Nothing was deleted: it was moved
        aside to
      </p>
      <p className="path-line">
        <code>{recovery.moved_to}</code> <CopyButton text={recovery.moved_to} what="file location" />
      </p>
      <p>
        Credentials in your system keychain are untouched. If you need the old setups, send that file to support.
      </p>
    </section>
  );
}
