import { useId, useState } from "react";
import { api, toApiError, type ApiError } from "../../api";
import { cleanInput } from "../../model/environment";
import { ErrorPanel } from "../ErrorPanel";

/** Adds a client (a consultant's workspace) that setups can be filed under. */
export function NewClientForm({ onAdded }: { onAdded: () => void }) {
  const id = useId();
  const [name, setName] = useState("");
  const [error, setError] = useState<ApiError | null>(null);

  async function add(e: React.FormEvent) {
    e.preventDefault();
    const clean = cleanInput(name);
    if (clean === "") return;
    setError(null);
    try {
      await api.saveClient({ id: "", name: clean, notes: "", created_at: "", archived_at: null });
      setName("");
      onAdded();
    } catch (err) {
      setError(toApiError(err));
    }
  }

  return (
    <form className="new-client" onSubmit={(e) => void add(e)}>
      <label htmlFor={id}>New client</label>{" "}
      <input id={id} type="text" value={name} data-testid="client-name" onChange={(e) => setName(e.target.value)} />{" "}
      <button type="submit" className="button small" data-testid="client-add" disabled={cleanInput(name) === ""}>
        Add client
      </button>
      {error !== null && <ErrorPanel error={error} title="Could not add the client" />}
    </form>
  );
}
