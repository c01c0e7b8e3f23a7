import { createContext, useContext, useEffect } from "react";

/**
 * Secret fields holding a typed value that is not in the keychain yet. NetSuite
 * shows most of these values once, so the setup screen asks before leaving the
 * step with one unsaved.
 */
export interface UnsavedSecrets {
  /** `label` when the field `name` holds an unsaved value, `null` once it does not. */
  set: (name: string, label: string | null) => void;
}

export const UnsavedSecretsContext = createContext<UnsavedSecrets | null>(null);

/** Reports whether this secret field holds a value not stored yet. */
export function useReportUnsaved(name: string, label: string, unsaved: boolean): void {
  const registry = useContext(UnsavedSecretsContext);
  useEffect(() => {
    registry?.set(name, unsaved ? label : null);
    return () => registry?.set(name, null);
  }, [registry, name, label, unsaved]);
}
