import { useId, useState } from "react";
import type { AppInfo } from "../api";

interface Props {
  /** What `app_info` returned; null while it loads or when the backend is away. */
  info: AppInfo | null;
}

/** "About Onramp": name, version and, plainly, what Practice mode is and is not. */
export function AboutPanel({ info }: Props) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="about">
      <button
        type="button"
        className="button small"
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="about-toggle"
        onClick={() => setOpen((o) => !o)}
      >
        About Onramp
      </button>
      {open && (
        <section id={panelId} className="about-panel" aria-label="About Onramp" data-testid="about-panel">
          <p>
            <strong>Onramp</strong>{" "}
            <span data-testid="about-version">{info !== null ? `version ${info.version}` : "version unknown"}</span>
          </p>
          <p>
            Practice mode is a simulation built into Onramp. Its NetSuite and Sage Intacct, their consent page, Login
            Audit Trail and fixes are imitations that run on this computer: a check that passes there proves nothing
            about a real account, and nothing you do there reaches Oracle or Sage.
          </p>
          <p className="muted">
            Onramp is not made by or affiliated with Oracle or Sage. Credentials stay in this computer&apos;s keychain.
          </p>
        </section>
      )}
    </div>
  );
}
