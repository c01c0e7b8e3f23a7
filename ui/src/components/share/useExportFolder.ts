import { useEffect, useState } from "react";
import { api } from "../../api";

/** A folder path the user can edit, pre-filled with Onramp's default export folder. */
export function useExportFolder(): [string, (folder: string) => void] {
  const [folder, setFolder] = useState("");
  useEffect(() => {
    let live = true;
    api.defaultExportDir().then(
      // Only fill it if the user has not typed something first.
      (dir) => live && setFolder((current) => (current === "" ? dir : current)),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  return [folder, setFolder];
}
