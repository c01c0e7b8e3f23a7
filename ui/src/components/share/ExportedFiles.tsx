import { CopyButton } from "../CopyButton";

/** The files an export wrote, each with its full path to copy. */
export function ExportedFiles({ files, title }: { files: string[]; title: string }) {
  if (files.length === 0) return null;
  return (
    <div className="exported" role="status">
      <p>{title}</p>
      <ul>
        {files.map((f) => (
          <li key={f}>
            <code data-testid="exported-file">{f}</code> <CopyButton text={f} what="file path" />
          </li>
        ))}
      </ul>
    </div>
  );
}
