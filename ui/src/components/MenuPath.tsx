import { CopyButton } from "./CopyButton";

/** An ERP menu path ("Setup > Company > ..."), written exactly as the ERP names it, with a copy button. */
export function MenuPath({ path }: { path: string }) {
  return (
    <span className="menu-path">
      <code>{path}</code>
      <CopyButton text={path} what="menu path" />
    </span>
  );
}
